package io.tidecrm.lead.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidecrm.customer.CustomerIntake;
import io.tidecrm.customer.CustomerIntake.DuplicateMatch;
import io.tidecrm.customer.CustomerIntake.DuplicateProbe;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate check of a lead: against the other open leads and, through the customer module,
 * against customers (the pool's included) and their contacts, by the folded company name (the
 * customer module's normaliser), credit code, mobile and e-mail. A match the viewer may not see
 * names its owner masked.
 */
@Component
@Transactional(readOnly = true)
class LeadDuplicates {

    /**
     * @param kind LEAD, CUSTOMER or CONTACT
     * @param matchedOn NAME, CREDIT_CODE, MOBILE or EMAIL
     * @param link the page of the match when the viewer may open it, else null
     */
    record Match(String kind, long id, String name, String matchedOn, String ownerName, boolean inPool, String link) {
    }

    private final JdbcClient jdbc;
    private final CustomerIntake customers;
    private final LeadAccess access;
    private final UserManagement users;

    LeadDuplicates(JdbcClient jdbc, CustomerIntake customers, LeadAccess access, UserManagement users) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.access = access;
        this.users = users;
    }

    List<Match> find(String companyName, String creditCode, String mobile, String email, Long selfId,
            CurrentUser viewer) {
        List<Match> matches = new ArrayList<>();
        String key = customers.nameKey(companyName);
        String code = blank(creditCode) ? null : creditCode.strip().toUpperCase(Locale.ROOT);
        String phone = blank(mobile) ? null : mobile.strip();
        String mail = blank(email) ? null : email.strip().toLowerCase(Locale.ROOT);
        Where readable = access.readable(viewer);
        jdbc.sql("""
                SELECT l.id, l.company_name, l.owner_id, (%s) AS visible,
                       CASE WHEN l.name_key = :key THEN 'NAME'
                            WHEN CAST(:code AS varchar) IS NOT NULL AND l.credit_code = :code THEN 'CREDIT_CODE'
                            WHEN CAST(:mobile AS varchar) IS NOT NULL AND l.mobile = :mobile THEN 'MOBILE'
                            ELSE 'EMAIL' END AS matched
                FROM sales_lead l
                WHERE l.id <> :self AND l.status NOT IN ('CONVERTED', 'CLOSED')
                  AND (l.name_key = :key OR (CAST(:code AS varchar) IS NOT NULL AND l.credit_code = :code)
                       OR (CAST(:mobile AS varchar) IS NOT NULL AND l.mobile = :mobile)
                       OR (CAST(:email AS varchar) IS NOT NULL AND lower(l.email) = :email))
                ORDER BY l.id DESC LIMIT 10
                """.formatted(readable.sql()))
                .params(readable.params())
                .params(Map.of("self", selfId == null ? -1L : selfId, "key", key))
                .param("code", code)
                .param("mobile", phone)
                .param("email", mail)
                .query((rs, n) -> {
                    Long owner = (Long) rs.getObject("owner_id");
                    boolean visible = rs.getBoolean("visible");
                    String ownerName = owner == null ? null
                            : users.findUser(owner).map(UserSummary::displayName).orElse("?");
                    return new Match("LEAD", rs.getLong("id"), rs.getString("company_name"), rs.getString("matched"),
                            visible ? ownerName : mask(ownerName), owner == null,
                            visible ? "/leads/" + rs.getLong("id") : null);
                })
                .list()
                .forEach(matches::add);
        for (DuplicateMatch m : customers.findDuplicates(new DuplicateProbe(companyName, creditCode, mobile, email),
                viewer)) {
            boolean contact = m.matchedOn().equals("MOBILE") || m.matchedOn().equals("EMAIL");
            matches.add(new Match(contact ? "CONTACT" : "CUSTOMER", m.customerId(),
                    contact && m.contactName() != null ? m.contactName() + " · " + m.customerName() : m.customerName(),
                    m.matchedOn(), m.ownerName(), m.inPool(),
                    m.visible() || m.inPool() ? "/customers/" + m.customerId() : null));
        }
        return matches;
    }

    /** "张三" → "张*". */
    static String mask(String name) {
        return io.tidecrm.support.NameMask.mask(name);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
