package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.tidecrm.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leads and rules straight into the tables, for the set-up of a lead test (the rules under test run through the pages and services). */
final class LeadTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadTestData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A word unique to one test, for regions and names that no other test's rule matches. */
    static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** An unassigned lead (in the pool) of a region and industry. */
    long lead(String region, String industry) {
        String company = unique("线索测试公司") + "有限公司";
        return jdbc.sql("""
                INSERT INTO sales_lead (company_name, name_key, contact_name, mobile, region, industry, source, status,
                                        created_at, updated_at)
                VALUES (?, ?, '王经理', ?, ?, ?, 'TRADE_SHOW', 'NEW', ?, ?) RETURNING id
                """)
                .params(company, company, "139" + (SEQUENCE.incrementAndGet() % 100_000_000L), region, industry,
                        Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** A rule at a position; target USER with a user, or a team rule. */
    long rule(int position, String region, String industry, RuleTarget target, Long userId, Long teamId) {
        return jdbc.sql("""
                INSERT INTO lead_rule (position, name, region, industry, target, user_id, team_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(position, unique("T-规则"), region, industry, target.name(), userId, teamId)
                .query(Long.class).single();
    }

    Long teamOf(CurrentUser user) {
        return user.teamId();
    }

    Map<String, Object> row(long leadId) {
        return jdbc.sql("SELECT * FROM sales_lead WHERE id = ?").param(leadId).query().singleRow();
    }

    Long owner(long leadId) {
        return (Long) row(leadId).get("owner_id");
    }

    String status(long leadId) {
        return (String) row(leadId).get("status");
    }

    long version(long leadId) {
        return ((Number) row(leadId).get("version")).longValue();
    }

    void disable(CurrentUser user) {
        jdbc.sql("UPDATE app_user SET enabled = false WHERE id = ?").param(user.id()).update();
    }

    /** Removes the rules a test made, so that no later test's lead matches them. */
    void deleteTestRules() {
        jdbc.sql("DELETE FROM lead_rule WHERE name LIKE 'T-%'").update();
    }
}
