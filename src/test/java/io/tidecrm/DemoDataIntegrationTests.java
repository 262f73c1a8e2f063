package io.tidecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import io.tidecrm.catalog.CatalogManagement;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.PoolDeadlines;
import io.tidecrm.demo.DemoData;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo data of a developer's copy. The suite keeps it off (only the demo users are seeded);
 * the tests that seed the records do it in the test's transaction, which is rolled back, so the
 * shared test database never keeps them. Rows of other tests are around: every check is on the
 * rows with ids above the largest before the seeding.
 */
@IntegrationTest
class DemoDataIntegrationTests {

    private static final List<String> DEMO_USERS = List.of("admin", "manager1", "manager2", "rep1", "rep2", "rep3",
            "rep4");

    @Autowired
    CatalogManagement catalog;

    @Autowired
    UserManagement users;

    @Autowired
    DemoData demo;

    @Autowired
    PoolDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void catalogHoldsTheSevenProductsOfTheSpec() {
        // Administrators add products (other tests do), so the seven are looked for, not counted.
        assertThat(catalog.findAll()).extracting(p -> p.category() + "/" + p.name())
                .contains("Wechaty/技术支持", "句子秒回/定制开发", "句客宝/定制开发", "Wechaty/padplus", "句子秒回/基础版",
                        "句客宝/会话存档", "句客宝/基础版");
        assertThat(catalog.findAll())
                .anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("基础版");
                    assertThat(p.category()).isEqualTo("句客宝");
                    assertThat(p.unitPrice()).isEqualByComparingTo(new BigDecimal("4980.00"));
                    assertThat(p.unit()).isEqualTo("套");
                })
                .anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("padplus");
                    assertThat(p.unitPrice()).isEqualByComparingTo("200.00");
                    assertThat(p.unit()).isEqualTo("微信号/库");
                });
    }

    @Test
    void seedingTheDemoUsersTwiceChangesNothing() {
        long before = users.findEnabledUsers().size();
        long products = catalog.findAll().size();
        var first = demo.seedUsers();
        var second = demo.seedUsers();
        assertThat(second).isEqualTo(first);
        assertThat(users.findEnabledUsers()).hasSize((int) before);
        assertThat(catalog.findAll()).hasSize((int) products);
    }

    @Test
    void demoTeamsHaveAManagerAndTwoReps() {
        UserSummary manager = users.findByUsername("manager1").orElseThrow();
        assertThat(manager.role()).isEqualTo(Role.MANAGER);
        assertThat(users.findTeamMembers(manager.teamId())).extracting(UserSummary::username)
                .contains("manager1", "rep1", "rep2");
        UserSummary other = users.findByUsername("rep3").orElseThrow();
        assertThat(other.teamId()).isNotEqualTo(manager.teamId());
    }

    @Test
    void everyUserSeesTheCatalogPage() throws Exception {
        mvc.perform(get("/catalog/products").with(testUsers.as("rep1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("会话存档")))
                .andExpect(content().string(Matchers.containsString("4,980.00")));
    }

    // --- the demo records, seeded inside the test's transaction

    /** The largest ids before the seeding: the demo's rows are those above. */
    private record Before(long customer, long followUp, long opportunity, long contract, long notification) {
    }

    private Before before() {
        return new Before(max("customer"), max("follow_up"), max("opportunity"), max("contract"), max("notification"));
    }

    private long max(String table) {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table).query(Long.class).single();
    }

    private long count(String sql, Before before) {
        return jdbc.sql(sql).param("c", before.customer()).param("f", before.followUp())
                .param("o", before.opportunity()).param("k", before.contract()).param("n", before.notification())
                .query(Long.class).single();
    }

    /** Seeds at a moment of today in the business zone (the demo is relative to the clock). */
    private Before seedAt(String timeOfDay) {
        ZonedDateTime at = LocalDate.now(clock).atTime(LocalTime.parse(timeOfDay)).atZone(clock.getZone());
        clock.setInstant(at.toInstant());
        Before before = before();
        assertThat(demo.seed()).isTrue();
        return before;
    }

    @Test
    @Transactional
    void aSecondRunAddsNothing() {
        Before before = seedAt("10:00");
        Map<String, Long> counts = tableCounts();
        assertThat(demo.seed()).isFalse();
        assertThat(tableCounts()).isEqualTo(counts);
        assertThat(count("SELECT count(*) FROM customer WHERE id > :c", before)).isEqualTo(150);
    }

    @Test
    @Transactional
    void theDemoHasTicketsInProgressOverdueAndClosedForEachRep() {
        Before before = seedAt("11:00");
        for (String rep : List.of("rep1", "rep2", "rep3", "rep4")) {
            long id = users.findByUsername(rep).orElseThrow().id();
            List<String> states = jdbc.sql("""
                    SELECT t.status || CASE WHEN t.status IN ('NEW', 'IN_PROGRESS') AND t.resolution_due < now()
                                            THEN '/overdue' ELSE '' END
                    FROM service_ticket t WHERE t.customer_id > ? AND t.owner_id = ? ORDER BY t.id
                    """).params(before.customer(), id).query(String.class).list();
            assertThat(states).as(rep).contains("IN_PROGRESS", "NEW/overdue", "CLOSED");
            // No ticket is later than its customer's follow-up clock: it would have moved the clock.
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM service_ticket t JOIN customer c ON c.id = t.customer_id
                    WHERE t.customer_id > ? AND t.owner_id = ? AND t.created_at > c.clock_at
                    """).params(before.customer(), id).query(Long.class).single()).as(rep).isZero();
        }
    }

    private Map<String, Long> tableCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("app_user", "team", "customer", "contact", "customer_owner_history", "follow_up",
                "follow_up_notify", "opportunity", "opportunity_line", "contract", "contract_line", "contract_decision",
                "contract_instalment", "contract_payment", "notification", "pool_warning", "pool_job_run", "service_ticket",
                "service_ticket_entry")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    @Test
    @Transactional
    void theDemoHasEveryTypeStatusKindStageAndApprovalStateForEachRep() {
        Before before = seedAt("15:00");
        assertThat(jdbc.sql("SELECT DISTINCT type FROM customer WHERE id > ?").param(before.customer())
                .query(String.class).list()).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(jdbc.sql("SELECT DISTINCT status FROM customer WHERE id > ?").param(before.customer())
                .query(String.class).list()).containsExactlyInAnyOrder(
                        java.util.Arrays.stream(CustomerStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM follow_up WHERE id > ?").param(before.followUp())
                .query(String.class).list()).containsExactlyInAnyOrder("PHONE", "WECHAT", "VISIT", "EMAIL", "SMS",
                        "MEETING", "OTHER");
        assertThat(jdbc.sql("SELECT DISTINCT stage FROM opportunity WHERE id > ?").param(before.opportunity())
                .query(String.class).list()).containsExactlyInAnyOrder("LEAD", "QUALIFIED", "SOLUTION", "PROPOSAL",
                        "NEGOTIATION", "WON", "LOST");
        assertThat(jdbc.sql("SELECT DISTINCT approval_state FROM contract WHERE id > ?").param(before.contract())
                .query(String.class).list()).containsExactlyInAnyOrder("DRAFT", "SUBMITTED", "APPROVED", "REJECTED");
        for (String rep : List.of("rep1", "rep2", "rep3", "rep4")) {
            long id = users.findByUsername(rep).orElseThrow().id();
            assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE id > ? AND owner_id = ?")
                    .params(before.customer(), id).query(Long.class).single()).as(rep).isBetween(25L, 40L);
            assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE id > ? AND owner_id = ? AND status = 'WON'")
                    .params(before.customer(), id).query(Long.class).single()).as(rep).isPositive();
        }
        assertThat(count("SELECT count(*) FROM contact WHERE customer_id > :c", before)).isBetween(150L, 450L);
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c
                  AND (SELECT count(*) FROM contact k WHERE k.customer_id = c.id) NOT BETWEEN 1 AND 3
                """, before)).isZero();
        assertThat(count("SELECT count(*) FROM follow_up WHERE id > :f", before)).isBetween(500L, 3000L);
        for (String user : DEMO_USERS) {
            long id = users.findByUsername(user).orElseThrow().id();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM notification WHERE id > ? AND recipient_id = ? AND read_at IS NULL
                    """).params(before.notification(), id).query(Long.class).single()).as(user).isPositive();
        }
    }

    @Test
    @Transactional
    void customersAgreeWithTheirFollowUps() {
        Before before = seedAt("11:00");
        // The last follow-up time is the latest follow-up's.
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c
                  AND c.last_follow_up_at IS DISTINCT FROM (SELECT max(f.occurred_at) FROM follow_up f
                                                            WHERE f.customer_id = c.id)
                """, before)).isZero();
        // An owned customer's next follow-up is the one its latest follow-up planned.
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c AND c.owner_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = c.id)
                  AND c.next_follow_up_at IS DISTINCT FROM (SELECT f.next_follow_up_at FROM follow_up f
                                                            WHERE f.customer_id = c.id
                                                            ORDER BY f.occurred_at DESC LIMIT 1)
                """, before)).isZero();
        // The status is the latest one a follow-up set (won: set by the approved contract, never by a follow-up).
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c AND c.status <> 'WON'
                  AND c.status <> coalesce((SELECT f.new_status FROM follow_up f
                                            WHERE f.customer_id = c.id AND f.new_status IS NOT NULL
                                            ORDER BY f.occurred_at DESC LIMIT 1), 'FIRST_VISIT')
                """, before)).isZero();
        assertThat(count("SELECT count(*) FROM follow_up WHERE id > :f AND new_status = 'WON'", before)).isZero();
        // The clock: the later of the last follow-up and the moment the (last) owner obtained the customer.
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c
                  AND c.clock_at <> greatest(c.last_follow_up_at,
                        (SELECT max(h.changed_at) FROM customer_owner_history h
                         WHERE h.customer_id = c.id AND h.new_owner_id IS NOT NULL))
                """, before)).isZero();
        // Each follow-up was written by the owner of the moment, within 24 hours, and plans a later time.
        assertThat(count("""
                SELECT count(*) FROM follow_up f WHERE f.id > :f
                  AND f.author_id IS DISTINCT FROM (SELECT h.new_owner_id FROM customer_owner_history h
                                                    WHERE h.customer_id = f.customer_id
                                                      AND h.changed_at <= f.occurred_at
                                                    ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)
                """, before)).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM follow_up WHERE id > :f
                  AND (recorded_at < occurred_at OR recorded_at > occurred_at + interval '24 hours'
                       OR recorded_at > :now OR next_follow_up_at <= occurred_at)
                """).param("f", before.followUp()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single()).isZero();
        // Sixty days of them.
        assertThat(jdbc.sql("SELECT min(occurred_at) FROM follow_up WHERE id > ?").param(before.followUp())
                .query(Timestamp.class).single().toInstant())
                .isBefore(clock.instant().minus(java.time.Duration.ofDays(45)));
    }

    @ParameterizedTest(name = "seeded at {0}")
    @ValueSource(strings = { "00:30", "07:00", "12:30", "20:30" })
    @Transactional
    void ownedCustomersAreDueAfterNowSomeWithinTheWarningLeadSomeDueOrOverdue(String timeOfDay) {
        Before before = seedAt(timeOfDay);
        Instant now = clock.instant();
        PoolDeadlines.Calculator calculator = deadlines.calculator();
        record Owned(CustomerType type, CustomerStatus status, long ownerId, Instant clockAt, Instant next) {
        }
        List<Owned> owned = jdbc.sql("""
                SELECT type, status, owner_id, clock_at, next_follow_up_at FROM customer
                WHERE id > ? AND owner_id IS NOT NULL
                """).param(before.customer())
                .query((rs, n) -> new Owned(CustomerType.valueOf(rs.getString(1)),
                        CustomerStatus.valueOf(rs.getString(2)), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
        long near = 0;
        for (Owned c : owned) {
            Instant deadline = calculator.deadline(c.type(), c.status(), c.ownerId(), c.clockAt());
            if (c.status().isWon()) {
                assertThat(deadline).isNull();
                continue;
            }
            assertThat(deadline).as("deadline of an owned customer").isAfter(now);
            if (!deadline.isAfter(now.plus(calculator.warningLead()))) {
                near++;
            }
        }
        assertThat(near).as("customers within the warning lead").isBetween(8L, 20L);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Instant endOfToday = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant startOfToday = today.atStartOfDay(clock.getZone()).toInstant();
        assertThat(owned.stream().filter(c -> c.next() != null && c.next().isBefore(startOfToday))).as("overdue")
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(owned.stream().filter(c -> c.next() != null && !c.next().isBefore(startOfToday)
                && c.next().isBefore(endOfToday))).as("due today").hasSizeGreaterThanOrEqualTo(8);
        assertThat(owned.stream().filter(c -> c.next() != null && !c.next().isBefore(endOfToday))).as("planned")
                .hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    @Transactional
    void poolCustomersWereReleasedOrReclaimedWhenStaleAndHaveTheirHistory() {
        Before before = seedAt("09:30");
        assertThat(count("SELECT count(*) FROM customer WHERE id > :c AND owner_id IS NULL", before))
                .isBetween(15L, 30L);
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c AND c.owner_id IS NULL
                  AND (c.pooled_at IS NULL OR c.pool_reason IS NULL OR c.next_follow_up_at IS NOT NULL
                       OR (SELECT h.kind FROM customer_owner_history h WHERE h.customer_id = c.id
                           ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) NOT IN ('RELEASED', 'RECLAIMED')
                       OR (SELECT h.changed_at FROM customer_owner_history h WHERE h.customer_id = c.id
                           ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) <> c.pooled_at)
                """, before)).isZero();
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c AND c.owner_id IS NULL
                  AND (SELECT count(*) FROM customer_owner_history h WHERE h.customer_id = c.id) >= 4
                """, before)).as("pooled, grabbed and pooled again").isPositive();
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c AND c.owner_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM customer_owner_history h WHERE h.customer_id = c.id
                              AND h.kind IN ('GRABBED', 'ASSIGNED', 'TRANSFERRED'))
                """, before)).as("obtained from the pool or a colleague").isGreaterThanOrEqualTo(8);
        // A reclaimed customer was stale at the 20:00 run that took it: its deadline was that run.
        PoolDeadlines.Calculator calculator = deadlines.calculator();
        record Reclaimed(CustomerType type, long formerOwner, Instant clockAt, Instant pooledAt) {
        }
        List<Reclaimed> reclaimed = jdbc.sql("""
                SELECT c.type, h.previous_owner_id, c.clock_at, c.pooled_at FROM customer c
                JOIN customer_owner_history h
                  ON h.customer_id = c.id AND h.kind = 'RECLAIMED' AND h.changed_at = c.pooled_at
                WHERE c.id > ? AND c.owner_id IS NULL
                """).param(before.customer())
                .query((rs, n) -> new Reclaimed(CustomerType.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list();
        assertThat(reclaimed).hasSizeGreaterThanOrEqualTo(8).allSatisfy(c -> assertThat(
                calculator.deadline(c.type(), CustomerStatus.FIRST_VISIT, c.formerOwner(), c.clockAt()))
                .isEqualTo(c.pooledAt()));
        // Each reclaim has its run record and was warned about the lead before.
        assertThat(count("""
                SELECT count(*) FROM customer_owner_history h WHERE h.customer_id > :c AND h.kind = 'RECLAIMED'
                  AND NOT EXISTS (SELECT 1 FROM pool_job_run r WHERE r.job = 'RECLAIM' AND r.scheduled_at = h.changed_at
                                  AND r.status = 'DONE')
                """, before)).isZero();
        assertThat(count("""
                SELECT count(*) FROM customer_owner_history h WHERE h.customer_id > :c AND h.kind = 'RECLAIMED'
                  AND NOT EXISTS (SELECT 1 FROM pool_warning w WHERE w.customer_id = h.customer_id
                                  AND w.deadline = h.changed_at AND w.owner_id = h.previous_owner_id)
                """, before)).isZero();
    }

    @Test
    @Transactional
    void wonCustomersHaveAnApprovedContractAndTheMoneyAddsUp() {
        Before before = seedAt("16:45");
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE c.id > :c AND (c.status = 'WON') <>
                       EXISTS (SELECT 1 FROM contract k WHERE k.customer_id = c.id AND k.approval_state = 'APPROVED')
                """, before)).isZero();
        assertThat(count("""
                SELECT count(*) FROM contract k WHERE k.id > :k AND (
                    k.total <> (SELECT sum(l.line_total) FROM contract_line l WHERE l.contract_id = k.id)
                 OR k.total < (SELECT coalesce(sum(i.amount), 0) FROM contract_instalment i WHERE i.contract_id = k.id)
                 OR k.total < (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p WHERE p.contract_id = k.id))
                """, before)).isZero();
        assertThat(count("""
                SELECT count(*) FROM contract_instalment i WHERE i.contract_id > :k
                  AND i.amount < (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p
                                  WHERE p.instalment_id = i.id)
                """, before)).isZero();
        assertThat(count("""
                SELECT count(*) FROM contract_line l WHERE l.contract_id > :k
                  AND l.line_total <> round(l.quantity * l.unit_price * (100 - l.discount_percent) / 100, 2)
                """, before)).isZero();
        assertThat(count("""
                SELECT count(*) FROM contract k WHERE k.id > :k AND k.approval_state = 'APPROVED'
                  AND NOT EXISTS (SELECT 1 FROM contract_decision d
                                  WHERE d.contract_id = k.id AND d.decision = 'APPROVED')
                """, before)).isZero();
        assertThat(count("""
                SELECT count(*) FROM contract_payment p JOIN contract k ON k.id = p.contract_id
                WHERE k.id > :k AND k.approval_state = 'APPROVED'
                """, before)).as("payments received").isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM contract_instalment i JOIN contract k ON k.id = i.contract_id
                WHERE k.id > :k AND k.approval_state = 'APPROVED' AND i.due_date < :today
                  AND i.amount > (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p
                                  WHERE p.instalment_id = i.id)
                """).param("k", before.contract()).param("today", LocalDate.now(clock))
                .query(Long.class).single()).as("overdue instalments").isGreaterThanOrEqualTo(3);
        assertThat(count("""
                SELECT count(*) FROM opportunity o WHERE o.id > :o AND (
                    (EXISTS (SELECT 1 FROM opportunity_line l WHERE l.opportunity_id = o.id)
                     AND o.amount <> (SELECT sum(l.line_total) FROM opportunity_line l WHERE l.opportunity_id = o.id))
                 OR (o.stage = 'LOST' AND o.lost_reason IS NULL)
                 OR (o.stage IN ('WON', 'LOST')) <> (o.closed_at IS NOT NULL))
                """, before)).isZero();
    }

    @Test
    @Transactional
    void opportunitiesAndContractsWereCreatedByTheOwnerWhileFollowingTheCustomerUp() {
        Before before = seedAt("18:00");
        for (String table : List.of("opportunity", "contract")) {
            String ids = table.equals("opportunity") ? ":o" : ":k";
            // Creating one counts as following up: never after the customer's clock, by the owner of the moment.
            assertThat(count("""
                    SELECT count(*) FROM %s x JOIN customer c ON c.id = x.customer_id WHERE x.id > %s
                      AND (x.created_at > c.clock_at
                           OR x.owner_id IS DISTINCT FROM (SELECT h.new_owner_id FROM customer_owner_history h
                                                           WHERE h.customer_id = x.customer_id
                                                             AND h.changed_at <= x.created_at
                                                           ORDER BY h.changed_at DESC, h.id DESC LIMIT 1))
                    """.formatted(table, ids), before)).as(table).isZero();
        }
        // No rep owns more than the caps of the rules (20 A, 50 B, 100 C).
        assertThat(count("""
                SELECT count(*) FROM (SELECT owner_id, type, count(*) AS n FROM customer
                                      WHERE id > :c AND owner_id IS NOT NULL GROUP BY owner_id, type) o
                WHERE n > CASE type WHEN 'A' THEN 20 WHEN 'B' THEN 50 ELSE 100 END
                """, before)).isZero();
    }
}
