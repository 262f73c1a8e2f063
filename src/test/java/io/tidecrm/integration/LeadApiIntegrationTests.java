package io.tidecrm.integration;

import static io.tidecrm.support.ApiTokenFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.ApiTokenFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Leads under /api/v1/leads: the viewer's scope and the lead pool with keyset paging, 404 for a
 * lead outside it, ETags, and creation through the lead module's rules (validation, the duplicate
 * check against leads, customers and contacts, a rep keeping their lead, assignment on arrival).
 */
@IntegrationTest
class LeadApiIntegrationTests {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    CustomerFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    io.tidecrm.customer.CustomerIntake intake;

    @AfterEach
    void removeRules() {
        fixtures.jdbc().sql("DELETE FROM lead_rule WHERE name LIKE 'T-API-%'").update();
    }

    private String token(CurrentUser user) {
        return ApiTokenFixtures.readWrite(fixtures.jdbc(), user.id());
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.with(bearer(token)).header("Accept-Language", "en"));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    private long lead(String company, Long ownerId) {
        return fixtures.jdbc().sql("""
                INSERT INTO sales_lead (company_name, name_key, contact_name, source, status, owner_id, assigned_at,
                                        created_at, updated_at)
                VALUES (?, ?, '王经理', 'TRADE_SHOW', ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(company, company, ownerId == null ? "NEW" : "ASSIGNED", ownerId,
                        ownerId == null ? null : Timestamp.from(clock.instant()), Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private static String body(String company, String mobile, String region) {
        return """
                {"companyName":"%s","contactName":"李经理","mobile":"%s","region":"%s","source":"TRADE_SHOW",
                 "sourceDetail":"展会-上海-A12","tags":["展会"],"unverified":["mobile"]}
                """.formatted(company, mobile, region);
    }

    @Test
    void theLeadListShowsTheViewersOwnLeadsAndThePoolNotAnotherRepsAndPagesByKeyset() throws Exception {
        CurrentUser rep = users.newUser("lapi-list", Role.REP, "rep1");
        CurrentUser other = users.newUser("lapi-other", Role.REP, "rep1");
        long mine1 = lead(unique("API自有一"), rep.id());
        long mine2 = lead(unique("API自有二"), rep.id());
        long theirs = lead(unique("API他人"), other.id());
        String token = token(rep);
        String first = call(get("/api/v1/leads").param("limit", "1"), token).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1)).andReturn().getResponse().getContentAsString();
        String next = JsonPath.read(first, "$.next");
        assertThat(next).isNotBlank();
        String page = call(get("/api/v1/leads").param("limit", "100"), token).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(page, "$.items[*].id");
        assertThat(ids).contains((int) mine1, (int) mine2).doesNotContain((int) theirs);
        List<String> statuses = JsonPath.read(page, "$.items[?(@.ownerId == null)].status");
        assertThat(statuses).allMatch("NEW"::equals);
        String second = call(get("/api/v1/leads").param("limit", "1").param("cursor", next), token)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> secondIds = JsonPath.read(second, "$.items[*].id");
        assertThat(secondIds).hasSize(1).doesNotContain(((List<Integer>) JsonPath.read(first, "$.items[*].id")).get(0));
    }

    @Test
    void anotherRepsLeadAnswers404AndAVisibleOneCarriesItsVersionAsETag() throws Exception {
        CurrentUser rep = users.newUser("lapi-get", Role.REP, "rep1");
        CurrentUser other = users.newUser("lapi-get-other", Role.REP, "rep1");
        long mine = lead(unique("API可见"), rep.id());
        long theirs = lead(unique("API不可见"), other.id());
        long pooled = lead(unique("API线索公海"), null);
        String token = token(rep);
        call(get("/api/v1/leads/" + mine), token).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.ownerId").value(rep.id()));
        call(get("/api/v1/leads/" + pooled), token).andExpect(status().isOk());
        call(get("/api/v1/leads/" + theirs), token).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("notFound"));
        call(get("/api/v1/leads/999999997"), token).andExpect(status().isNotFound());
    }

    @Test
    void aRepWhoRecordsALeadThroughTheApiKeepsIt() throws Exception {
        CurrentUser rep = users.newUser("lapi-keep", Role.REP, "rep1");
        String company = unique("API新建线索") + "有限公司";
        String created = call(json(post("/api/v1/leads"), body(company, "1370" + SEQUENCE.incrementAndGet() % 10_000_000,
                unique("区域"))), token(rep))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/leads/")))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.companyName").value(company))
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.ownerId").value(rep.id()))
                .andExpect(jsonPath("$.tags[0]").value("展会"))
                .andExpect(jsonPath("$.unverified[0]").value("mobile"))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(created, "$.sourceDetail")).isEqualTo("展会-上海-A12");
    }

    @Test
    void aManagersLeadIsAssignedOnArrivalByTheMatchingRule() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("lapi-mgr");
        CurrentUser rep = users.newUser("lapi-arrival", Role.REP, "rep1");
        String region = unique("API到达区域");
        long rule = fixtures.jdbc().sql("""
                INSERT INTO lead_rule (position, name, region, target, user_id, on_arrival)
                VALUES (-1000, ?, ?, 'USER', ?, true) RETURNING id
                """).params(unique("T-API-到达"), region, rep.id()).query(Long.class).single();
        call(json(post("/api/v1/leads"), body(unique("API到达线索") + "有限公司", "", region)), token(manager))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.ownerId").value(rep.id()))
                .andExpect(jsonPath("$.ruleId").value(rule));
    }

    @Test
    void aPossibleDuplicateAnswers409WithItsMatchesUnlessAllowed() throws Exception {
        CurrentUser rep = users.newUser("lapi-dup", Role.REP, "rep1");
        String company = unique("API重复公司") + "有限公司";
        fixtures.jdbc().sql("""
                INSERT INTO sales_lead (company_name, name_key, contact_name, source, status, created_at, updated_at)
                VALUES (?, ?, '赵总', 'OTHER', 'NEW', now(), now())
                """).params(company, intake.nameKey(company)).update();
        String token = token(rep);
        call(json(post("/api/v1/leads"), body(company, "", "")), token)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("lead.duplicate.found"))
                .andExpect(jsonPath("$.errors[0].field").value("companyName"))
                .andExpect(jsonPath("$.duplicates[0].kind").value("LEAD"))
                .andExpect(jsonPath("$.duplicates[0].matchedOn").value("NAME"));
        call(json(post("/api/v1/leads").param("allowDuplicate", "true"), body(company, "", "")), token)
                .andExpect(status().isCreated());
    }

    @Test
    void aLeadAgainstTheFormsRulesAnswersProblemDetails() throws Exception {
        String token = token(users.newUser("lapi-bad", Role.REP, "rep1"));
        call(json(post("/api/v1/leads"), "{\"companyName\":\"\",\"contactName\":\"\"}"), token)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors[?(@.field == 'companyName')]").exists());
        call(json(post("/api/v1/leads"), "{\"companyName\":\"" + unique("API来源") + "\",\"contactName\":\"王\",\"source\":\"FAX\"}"),
                token)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lead.source.unknown"));
    }

    @Test
    void aReadOnlyTokenReadsLeadsButCannotRecordOne() throws Exception {
        CurrentUser rep = users.newUser("lapi-ro", Role.REP, "rep1");
        String readOnly = ApiTokenFixtures.insert(fixtures.jdbc(), rep.id(), "只读", "READ",
                clock.instant().plusSeconds(3600), null);
        call(get("/api/v1/leads"), readOnly).andExpect(status().isOk());
        call(json(post("/api/v1/leads"), body(unique("API只读") + "有限公司", "", "")), readOnly)
                .andExpect(status().isForbidden());
    }

    @Test
    void theOpenApiDocumentDescribesTheLeads() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        java.util.Map<String, Object> paths = JsonPath.read(doc, "$.paths");
        assertThat(paths).containsKeys("/api/v1/leads", "/api/v1/leads/{id}");
    }
}
