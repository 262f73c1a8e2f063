package io.tidecrm.lead.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A lead as stored (read with plain SQL; every change of state is a conditional update). */
public record Lead(long id, String companyName, String creditCode, String contactName, String title, String mobile,
        String email, String wechatId, String region, String industry, LeadSource source, String sourceDetail,
        String purchaseIntent, String budget, String purchaseTimeline, String painPoints, String companySize,
        String founded, String mainBusiness, List<String> unverified, List<String> tags, String remarks,
        LeadStatus status, Long ownerId, Long ruleId, Instant assignedAt, Instant confirmDue, Instant confirmedAt,
        Instant missedAt, String invalidReason, String closeReason, Instant returnedAt, Instant nextContactAt,
        Instant firstContactAt, Long customerId, Instant convertedAt, Long createdById, Instant createdAt,
        long version) {

    static final String COLUMNS = """
            l.id, l.company_name, l.credit_code, l.contact_name, l.title, l.mobile, l.email, l.wechat_id, l.region,
            l.industry, l.source, l.source_detail, l.purchase_intent, l.budget, l.purchase_timeline, l.pain_points,
            l.company_size, l.founded, l.main_business, l.unverified, l.tags, l.remarks, l.status, l.owner_id,
            l.rule_id, l.assigned_at, l.confirm_due, l.confirmed_at, l.missed_at, l.invalid_reason, l.close_reason,
            l.returned_at, l.next_contact_at, l.first_contact_at, l.customer_id, l.converted_at, l.created_by_id,
            l.created_at, l.version""";

    static Lead of(ResultSet rs) throws SQLException {
        return new Lead(rs.getLong("id"), rs.getString("company_name"), rs.getString("credit_code"),
                rs.getString("contact_name"), rs.getString("title"), rs.getString("mobile"), rs.getString("email"),
                rs.getString("wechat_id"), rs.getString("region"), rs.getString("industry"),
                LeadSource.valueOf(rs.getString("source")), rs.getString("source_detail"),
                rs.getString("purchase_intent"), rs.getString("budget"), rs.getString("purchase_timeline"),
                rs.getString("pain_points"), rs.getString("company_size"), rs.getString("founded"),
                rs.getString("main_business"), strings(rs.getArray("unverified")), strings(rs.getArray("tags")),
                rs.getString("remarks"), LeadStatus.valueOf(rs.getString("status")), (Long) rs.getObject("owner_id"),
                (Long) rs.getObject("rule_id"), instant(rs, "assigned_at"), instant(rs, "confirm_due"),
                instant(rs, "confirmed_at"), instant(rs, "missed_at"), rs.getString("invalid_reason"),
                rs.getString("close_reason"), instant(rs, "returned_at"), instant(rs, "next_contact_at"),
                instant(rs, "first_contact_at"), (Long) rs.getObject("customer_id"), instant(rs, "converted_at"),
                (Long) rs.getObject("created_by_id"), instant(rs, "created_at"), rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Whether a field was marked 待核实. */
    public boolean isUnverified(String field) {
        return unverified.contains(field);
    }

    /** The confirmation is late: not given by its due time. */
    public boolean confirmationLate(Instant now) {
        return status == LeadStatus.ASSIGNED && confirmDue != null && now.isAfter(confirmDue);
    }
}
