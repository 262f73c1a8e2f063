package io.tidecrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route, enumerated from the request mappings (a new route cannot be missed), called as
 * anonymous, the owner, a rep of the same team, a rep and a manager of another team, the
 * owner's manager and an administrator, with the ids of one rep's records. Outsiders get a
 * sign-in redirect, 403 or 404, never the records' data, never a 5xx; insiders never a 5xx.
 * Prints routes × roles and the leaks found (must be 0), and POSTs without a CSRF token.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Public routes: everything else needs a signed-in user. */
    private static final Set<String> PUBLIC = Set.of("/login", "/error", "/public/leads", "/v3/api-docs",
            "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/api/calendar/{secret}.ics");
    /**
     * Routes that take no CSRF token because they have no session: the website form (lead module),
     * protected by a rate limit per address, a honeypot and a size limit instead.
     */
    private static final Set<String> NO_SESSION = Set.of("/public/leads");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String marker;
    Map<String, Long> ids;
    /** A read-write API token of each role: the API ({@code /api/v1}) is called with these, never with a session. */
    final Map<String, String> apiTokens = new java.util.HashMap<>();

    @BeforeEach
    void rep1sRecords() {
        marker = "泄露标记" + System.nanoTime();
        long customer = fixtures.insert(marker + "有限公司", "B", "INTENT", fixtures.userId("rep1"));
        long contact = fixtures.insertContact(customer, marker + "联系人");
        long followUp = fixtures.jdbc().sql("""
                INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
                VALUES (?, ?, 'PHONE', now(), now(), ?) RETURNING id
                """).params(customer, fixtures.userId("rep1"), marker + "跟进").query(Long.class).single();
        long contract = fixtures.jdbc().sql("""
                INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, total,
                                      created_by_id, created_at, updated_at)
                VALUES (?, ?, ?, 'NOT_STARTED', 'DIRECT', 'BANK_TRANSFER', current_date, 1000, ?, now(), now())
                RETURNING id
                """).params(customer, fixtures.userId("rep1"), marker + "合同", fixtures.userId("rep1"))
                .query(Long.class).single();
        // An approved contract with an instalment due today and its service ending in ten days: it shows on
        // the instalments-due, overdue and renewals lists.
        long approved = fixtures.jdbc().sql("""
                INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, total,
                                      approval_state, submitted_by_id, created_by_id, created_at, updated_at,
                                      service_start, service_end)
                VALUES (?, ?, ?, 'IN_PROGRESS', 'DIRECT', 'BANK_TRANSFER', current_date, 1000, 'APPROVED', ?, ?,
                        now(), now(), current_date - 355, current_date + 10)
                RETURNING id
                """).params(customer, fixtures.userId("rep1"), marker + "待回款", fixtures.userId("rep1"),
                fixtures.userId("rep1")).query(Long.class).single();
        fixtures.jdbc().sql("INSERT INTO contract_instalment (contract_id, due_date, amount, created_at) VALUES (?, current_date - 1, 500, now())")
                .param(approved).update();
        long opportunity = fixtures.jdbc().sql("""
                INSERT INTO opportunity (customer_id, owner_id, title, stage, amount, expected_close_date, probability,
                                         created_by_id, created_at, updated_at)
                VALUES (?, ?, ?, 'LEAD', 1000, current_date + 30, 10, ?, now(), now())
                RETURNING id
                """).params(customer, fixtures.userId("rep1"), marker + "商机", fixtures.userId("rep1"))
                .query(Long.class).single();
        long visit = fixtures.jdbc().sql("""
                INSERT INTO visit (customer_id, owner_id, planned_at, purpose, checked_in_at, check_in_flag, created_at)
                VALUES (?, ?, now(), ?, now(), 'NO_LOCATION', now()) RETURNING id
                """).params(customer, fixtures.userId("rep1"), marker + "拜访").query(Long.class).single();
        long commitment = fixtures.jdbc().sql("""
                INSERT INTO visit_commitment (visit_id, customer_id, owner_id, content, due_date, created_at)
                VALUES (?, ?, ?, ?, current_date, now()) RETURNING id
                """).params(visit, customer, fixtures.userId("rep1"), marker + "承诺").query(Long.class).single();
        long report = fixtures.jdbc().sql("""
                INSERT INTO work_report (author_id, kind, period_start, version, key_tasks, submitted_at, late)
                VALUES (?, 'WEEKLY_PLAN', current_date - 10000 - CAST(? AS integer), 1, ?, now(), false) RETURNING id
                """).params(fixtures.userId("rep1"), (int) (System.nanoTime() % 100000), marker + "周计划")
                .query(Long.class).single();
        long ticket = fixtures.jdbc().sql("""
                INSERT INTO service_ticket (customer_id, kind, channel, category, priority, title, description, owner_id,
                                            created_by_id, created_at, first_response_due, resolution_due, updated_at)
                VALUES (?, 'COMPLAINT', 'PHONE', 'PRODUCT', 'NORMAL', ?, ?, ?, ?, now(), now(), now(), now())
                RETURNING id
                """).params(customer, marker + "工单", marker + "描述", fixtures.userId("rep1"), fixtures.userId("rep1"))
                .query(Long.class).single();
        long returnVisit = fixtures.jdbc().sql("""
                INSERT INTO service_return_visit (customer_id, offset_days, due_date, owner_id, created_at)
                VALUES (?, 7, current_date, ?, now()) RETURNING id
                """).params(customer, fixtures.userId("rep1")).query(Long.class).single();
        long lead = fixtures.jdbc().sql("""
                INSERT INTO sales_lead (company_name, name_key, contact_name, source, status, owner_id, assigned_at,
                                        confirm_due, created_at, updated_at)
                VALUES (?, ?, ?, 'TRADE_SHOW', 'ASSIGNED', ?, now(), now() + interval '1 hour', now(), now())
                RETURNING id
                """).params(marker + "线索", marker + "线索", marker + "联系人", fixtures.userId("rep1"))
                .query(Long.class).single();
        long leadRule = fixtures.jdbc().sql("""
                INSERT INTO lead_rule (position, name, region, target, user_id) VALUES (999, ?, ?, 'USER', ?) RETURNING id
                """).params("T-矩阵", marker, fixtures.userId("rep1")).query(Long.class).single();
        CurrentUser throwaway = users.newUser("matrix-target", Role.REP, "rep1");
        ids = Map.ofEntries(Map.entry("lead", lead), Map.entry("leadRule", leadRule), Map.entry("ticket", ticket), Map.entry("returnVisit", returnVisit),
                Map.entry("opportunity", opportunity), Map.entry("customer", customer), Map.entry("contact", contact),
                Map.entry("followUp", followUp), Map.entry("user", throwaway.id()), Map.entry("contract", contract),
                Map.entry("visit", visit), Map.entry("commitment", commitment), Map.entry("report", report),
                Map.entry("team", fixtures.jdbc().sql("SELECT team_id FROM app_user WHERE username = 'rep1'")
                        .query(Long.class).single()));
    }

    record Route(HttpMethod method, String pattern) {
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(HttpMethod.valueOf(m.name()), pattern));
                }
            }
        });
        return routes;
    }

    /** Fills a route's variables with rep1's record ids (a job name for the run route). */
    String path(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = pattern.substring(0, m.start());
            String value = switch (m.group(1)) {
                case "job" -> "warning";
                case "followUpId" -> String.valueOf(ids.get("followUp"));
                case "teamId" -> String.valueOf(ids.get("team"));
                case "customerId" -> String.valueOf(ids.get("customer"));
                case "subscriptionId" -> "999999999";
                default -> api(prefix).startsWith("/visits") ? String.valueOf(ids.get("visit"))
                        : api(prefix).startsWith("/commitments") ? String.valueOf(ids.get("commitment"))
                        : api(prefix).startsWith("/reports") ? String.valueOf(ids.get("report"))
                        : api(prefix).startsWith("/tickets") ? String.valueOf(ids.get("ticket"))
                        : api(prefix).startsWith("/leads") ? String.valueOf(ids.get("lead"))
                        : api(prefix).startsWith("/admin/leads/rules") ? String.valueOf(ids.get("leadRule"))
                        : api(prefix).startsWith("/return-visits") ? String.valueOf(ids.get("returnVisit"))
                        : api(prefix).startsWith("/contracts") ? String.valueOf(ids.get("contract"))
                        : api(prefix).startsWith("/opportunities") ? String.valueOf(ids.get("opportunity"))
                        : api(prefix).startsWith("/contacts") ? String.valueOf(ids.get("contact"))
                        : prefix.startsWith("/admin/users") ? String.valueOf(ids.get("user"))
                        : prefix.startsWith("/admin/teams") || prefix.startsWith("/admin/webhooks")
                                ? String.valueOf(ids.get("team"))
                        : String.valueOf(ids.get("customer"));
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The API's paths name the same records as the pages': {@code /api/v1/contacts/1} is a contact. */
    private static String api(String prefix) {
        return prefix.startsWith("/api/v1/") ? prefix.substring("/api/v1".length()) : prefix;
    }

    @Test
    void outsidersGetNoAccessAndNoDataOnAnyRoute() throws Exception {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(50);
        Map<String, Integer> checkedPerRole = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Route route : routes) {
            String path = path(route.pattern());
            // Anonymous: the sign-in page, never data.
            MockHttpServletResponse anonymous = call(route, path, null);
            checkedPerRole.merge("anonymous", 1, Integer::sum);
            if (!PUBLIC.contains(route.pattern()) && !route.pattern().startsWith("/actuator")) {
                boolean api = route.pattern().startsWith("/api/");
                if (api ? anonymous.getStatus() != 401 && anonymous.getStatus() != 403
                        : !(anonymous.getStatus() == 302 && String.valueOf(anonymous.getRedirectedUrl()).endsWith("/login"))
                                && anonymous.getStatus() != 403) {
                    leaks.add("anonymous " + route + " → " + anonymous.getStatus());
                }
            }
            for (String outsider : List.of("rep2", "rep3", "manager2")) {
                MockHttpServletResponse r = call(route, path, outsider);
                checkedPerRole.merge(outsider, 1, Integer::sum);
                if (r.getContentAsString().contains(marker)) {
                    leaks.add(outsider + " " + route + " → " + r.getStatus() + " showed rep1's data");
                }
                if (r.getStatus() >= 500) {
                    errors.add(outsider + " " + route + " → " + r.getStatus());
                }
                if (route.pattern().contains("{") && r.getStatus() == 200 && route.method() == HttpMethod.GET
                        && !route.pattern().startsWith("/admin")) {
                    leaks.add(outsider + " " + route + " → 200 on another rep's id");
                }
            }
            for (String insider : List.of("rep1", "manager1", "admin")) {
                MockHttpServletResponse r = call(route, path, insider);
                checkedPerRole.merge(insider, 1, Integer::sum);
                if (r.getStatus() >= 500) {
                    errors.add(insider + " " + route + " → " + r.getStatus());
                }
            }
        }
        String report = String.format("access matrix: %d routes × %d roles = %d requests; leaks: %d; 5xx: %d%n%s%n",
                routes.size(), checkedPerRole.size(), checkedPerRole.values().stream().mapToInt(Integer::intValue).sum(),
                leaks.size(), errors.size(), String.join(System.lineSeparator(), leaks));
        System.out.print(report);
        write("access-matrix.txt", report);
        assertThat(leaks).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void everyStateChangingRouteRefusesAPostWithoutCsrfToken() throws Exception {
        List<String> accepted = new ArrayList<>();
        int checked = 0;
        for (Route route : routes()) {
            if (route.method() == HttpMethod.GET || route.pattern().equals("/login")
                    || NO_SESSION.contains(route.pattern())) {
                continue;
            }
            MockHttpServletResponse r = mvc.perform(request(route.method(), path(route.pattern()))
                    .with(users.as("admin"))).andReturn().getResponse();
            checked++;
            if (r.getStatus() != 403) {
                accepted.add(route + " → " + r.getStatus());
            }
        }
        write("csrf.txt", String.format("csrf: %d state-changing routes posted without a token; accepted: %d%n",
                checked, accepted.size()));
        assertThat(checked).isGreaterThan(20);
        assertThat(accepted).isEmpty();
    }

    /** Every GET route, called by every role, leaves every business table exactly as it was. */
    @Test
    void noGetChangesState() throws Exception {
        String before = fingerprint();
        int calls = 0;
        for (Route route : routes()) {
            if (route.method() != HttpMethod.GET) {
                continue;
            }
            for (String role : List.of("rep1", "rep3", "manager1", "admin")) {
                call(route, path(route.pattern()), role);
                calls++;
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(fingerprint()).isEqualTo(before);
        write("get-safety.txt", String.format("get safety: %d GET requests over every GET route and 4 roles; "
                + "business tables changed: %s%n", calls, fingerprint().equals(before) ? "none" : "SOME"));
    }

    /** Row count and newest row version (xmin) of every business table. */
    private String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (String table : List.of("app_user", "team", "customer", "contact", "follow_up", "customer_owner_history",
                "customer_rules", "pool_rules", "pool_warning", "pool_job_run", "product", "opportunity", "contract",
                "service_ticket", "service_ticket_entry", "service_calendar_day", "service_contact",
                "service_return_visit", "service_sla_policy",
                "notification", "audit_event", "login_throttle", "sales_lead", "lead_event", "lead_rule",
                "lead_settings", "lead_capacity", "lead_follow_up", "lead_form_throttle", "lead_job_run",
                "webhook_subscription", "calendar_feed", "fieldwork_report_settings", "fieldwork_reminder",
                "fieldwork_job_run", "work_report", "work_report_comment", "self_check_item", "self_check_answer")) {
            // Every call of the API is audited, GET included: that entry is the one write a GET makes on purpose.
            String rows = table.equals("audit_event") ? "audit_event WHERE kind <> 'API_CALL'" : table;
            sb.append(table).append('=').append(fixtures.jdbc()
                    .sql("SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM " + rows)
                    .query(String.class).single()).append(' ');
        }
        return sb.toString();
    }

    private MockHttpServletResponse call(Route route, String path, String username) throws Exception {
        MockHttpServletRequestBuilder request = request(route.method(), path);
        if (username != null && route.pattern().startsWith("/api/v1/")) {
            String token = apiTokens.computeIfAbsent(username, u -> io.tidecrm.support.ApiTokenFixtures.readWrite(
                    fixtures.jdbc(), fixtures.userId(u)));
            request.with(io.tidecrm.support.ApiTokenFixtures.bearer(token));
        } else if (username != null) {
            request.with(users.as(username));
        }
        if (route.method() != HttpMethod.GET) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static void write(String name, String text) throws IOException {
        Path dir = Path.of("target/reliability");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }
}
