package io.tidecrm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The address of every list is a bookmark. One from an earlier version, whose page position is
 * named {@code before} or {@code after}, opens the same page as today's {@code cursor}; a garbled
 * one ({@code ?status=XYZ&size=abc&sort=%%%&cursor=!!}) shows the unfiltered list, never an error
 * page or a 400. Each list gets more rows of its own than one page holds.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListUrlIntegrationTests {

    /** Values that no list filter takes, for the filters each list has, with the common ones. */
    private static final Map<String, String> GARBAGE = Map.of("size", "abc", "sort", "%%%", "cursor", "!!");

    /**
     * A list page: its address, who reads it, how a row shows in it, the name its page position
     * had in old bookmarks (null for a view without pages), and bad values for its own filters.
     */
    record ListPage(String name, String path, String user, Pattern row, String oldCursor, Map<String, String> garbage) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    List<ListPage> lists;

    @BeforeAll
    void rowsOfTheirOwnForEveryList() {
        CurrentUser rep = users.newUser("lists", Role.REP, "rep1");
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            customers.add(fixtures.insert(CustomerFixtures.uniqueName("书签" + i), i % 2 == 0 ? "A" : "B", "INTENT",
                    rep.id()));
            fixtures.insert(CustomerFixtures.uniqueName("书签公海" + i), "C", "INTENT", null);
        }
        long customer = customers.get(0);
        var jdbc = fixtures.jdbc();
        for (int i = 0; i < 25; i++) {
            fixtures.insertContact(customer, "书签联系人" + i);
            jdbc.sql("""
                    INSERT INTO opportunity (customer_id, owner_id, title, stage, amount, expected_close_date,
                                             probability, created_by_id, created_at, updated_at)
                    VALUES (?, ?, ?, 'LEAD', 100, DATE '2031-01-10', 10, ?, now(), now())
                    """).params(customer, rep.id(), "书签商机" + i, rep.id()).update();
            jdbc.sql("""
                    INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, total,
                                          created_by_id, created_at, updated_at)
                    VALUES (?, ?, ?, 'NOT_STARTED', 'DIRECT', 'BANK_TRANSFER', DATE '2030-01-15', 0, ?, now(), now())
                    """).params(customer, rep.id(), "书签合同" + i, rep.id()).update();
            jdbc.sql("""
                    INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
                    VALUES (?, ?, 'PHONE', now(), now(), ?)
                    """).params(customer, rep.id(), "书签跟进" + i).update();
        }
        for (int i = 0; i < 55; i++) {
            jdbc.sql("INSERT INTO audit_event (occurred_at, actor_name, kind, subject) VALUES (now(), 'lists', 'RULE_CHANGED', ?)")
                    .param("书签审计" + i).update();
        }
        String me = rep.getUsername();
        lists = List.of(
                new ListPage("customers", "/customers", me, row("href=\"/customers/(\\d+)\""), "after",
                        Map.of("status", "XYZ", "type", "Q", "source", "zz", "owner", "abc", "due", "later")),
                new ListPage("customers by name", "/customers?sort=NAME", me, row("href=\"/customers/(\\d+)\""), "after",
                        Map.of("status", "XYZ", "owner", "9999999999999999999999")),
                new ListPage("contacts", "/contacts", me, row("href=\"/contacts/(\\d+)/edit\""), "after", Map.of()),
                new ListPage("pool", "/pool", me, row("id=\"pool-(\\d+)\""), "before", Map.of("type", "Q")),
                new ListPage("contracts", "/contracts", me, row("id=\"contract-(\\d+)\""), "before",
                        Map.of("approval", "maybe", "status", "XYZ", "owner", "abc")),
                new ListPage("opportunities", "/opportunities", me, row("id=\"opportunity-(\\d+)\""), "before",
                        Map.of("stage", "XYZ", "owner", "abc", "month", "2031-13")),
                new ListPage("timeline", "/customers/" + customer + "/follow-ups", me, row("id=\"followup-(\\d+)\""),
                        "before", Map.of()),
                new ListPage("audit log", "/admin/audit", "admin", row("id=\"audit-(\\d+)\""), "before",
                        Map.of("kind", "XYZ", "from", "not-a-date", "to", "2030-02-30")),
                new ListPage("board", "/opportunities/board", me, row("id=\"card-(\\d+)\""), null,
                        Map.of("owner", "abc")),
                new ListPage("pool flow", "/pool/flow", "manager1", row("<tr>\\s*<td>([^<]+)</td>"), null,
                        Map.of("from", "not-a-date", "to", "2030-02-30")));
    }

    List<ListPage> lists() {
        return lists;
    }

    List<ListPage> pagedLists() {
        return lists.stream().filter(list -> list.oldCursor() != null).toList();
    }

    @ParameterizedTest
    @MethodSource("pagedLists")
    void anOldBookmarkOpensTheSamePageAsTheCursor(ListPage list) throws Exception {
        String first = page(list, get(list.path()));
        Matcher next = Pattern.compile("[?&;]cursor=([A-Za-z0-9_%-]+)").matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();
        String cursor = next.group(1);

        List<String> second = rows(list, page(list, withParam(list.path(), "cursor", cursor)));
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(rows(list, first));
        assertThat(rows(list, page(list, withParam(list.path(), list.oldCursor(), cursor)))).isEqualTo(second);
    }

    @ParameterizedTest
    @MethodSource("lists")
    void aGarbledAddressShowsTheUnfilteredList(ListPage list) throws Exception {
        String plain = page(list, get(list.path()));
        List<String> unfiltered = rows(list, plain);
        assertThat(unfiltered).isNotEmpty();
        assertThat(repeatedIds(plain)).as("ids used twice, e.g. by a fragment inserted twice").isEmpty();
        Map<String, String> garbage = new LinkedHashMap<>(GARBAGE);
        garbage.putAll(list.garbage());
        MockHttpServletRequestBuilder garbled = get(list.path());
        garbage.forEach(garbled::param);
        assertThat(rows(list, page(list, garbled))).isEqualTo(unfiltered);
        if (list.oldCursor() != null) {
            assertThat(rows(list, page(list, get(list.path()).param(list.oldCursor(), "!!")))).isEqualTo(unfiltered);
        }
    }

    private String page(ListPage list, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(users.as(list.user()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder withParam(String path, String name, String value) {
        return get(path + (path.contains("?") ? "&" : "?") + name + "=" + value);
    }

    private static List<String> rows(ListPage list, String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = list.row().matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> repeatedIds(String html) {
        List<String> seen = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            (seen.contains(m.group(1)) ? repeated : seen).add(m.group(1));
        }
        return repeated;
    }

    private static Pattern row(String regex) {
        return Pattern.compile(regex);
    }
}
