package io.tidecrm.service.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.followup.FollowUpManagement;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.ListQuery;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.Where;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return visits (回访): scheduled when a contract is approved, at T+7 and T+30 days by default
 * ({@code tidecrm.service.return-visit-days}), for the contract's owner, after the approval
 * committed and once per contract and offset (a redelivered fact schedules nothing twice).
 * Recording one keeps the customer's satisfaction and is a follow-up on the customer's timeline. The
 * lists are inside the viewer's scope like tickets; missed ones (due and not done) are listed for
 * managers.
 */
@Service
@Transactional
public class ReturnVisits {

    static final int PAGE_SIZE = 20;
    private static final KeysetOrder SOONEST_FIRST = KeysetOrder.by("v.due_date", "date", true, "v.id");
    private static final String CUSTOMERS = CustomerScope.join("c", "v.customer_id");

    private final JdbcClient jdbc;
    private final TicketAccess access;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final FollowUpManagement followUps;
    private final MessageSource messages;
    private final Clock clock;
    private final List<Integer> offsets;

    ReturnVisits(JdbcClient jdbc, TicketAccess access, CustomerManagement customers, UserManagement users,
            FollowUpManagement followUps, MessageSource messages, Clock clock,
            @Value("${tidecrm.service.return-visit-days:7,30}") List<Integer> offsets) {
        this.followUps = followUps;
        this.messages = messages;
        this.jdbc = jdbc;
        this.access = access;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
        this.offsets = List.copyOf(offsets);
    }

    /** Which return visits a list shows: mine to do, all I see to do, or the missed ones. */
    public enum VisitView {
        MINE, ALL, MISSED, DONE
    }

    public record VisitListQuery(VisitView view, String cursor) implements ListQuery {

        VisitView viewOrDefault() {
            return view == null ? VisitView.MINE : view;
        }
    }

    /** @param monthly the monthly visit of an A customer in service, not one after a contract's approval */
    public record Visit(long id, long customerId, String customerName, Long contractId, int offsetDays,
            LocalDate dueDate, long ownerId, String ownerName, Instant doneAt, Integer satisfaction, String note,
            long version, boolean missed, boolean monthly) {

        Visit withOwnerName(String name) {
            return new Visit(id, customerId, customerName, contractId, offsetDays, dueDate, ownerId, name, doneAt,
                    satisfaction, note, version, missed, monthly);
        }
    }

    /**
     * What the customer said on a return visit, and how they were reached (a follow-up kind; empty is
     * by phone).
     */
    @io.tidecrm.support.Label("returnVisit")
    record VisitForm(@NotNull @Min(1) @Max(5) Integer satisfaction, @Size(max = 2000) String note, String kind,
            Long version) {

        String kindOrDefault() {
            return kind == null || kind.isBlank() ? DEFAULT_KIND : kind;
        }
    }

    static final String DEFAULT_KIND = "PHONE";

    @ApplicationModuleListener
    void on(ContractApproved event) {
        for (int days : offsets) {
            jdbc.sql("""
                    INSERT INTO service_return_visit (customer_id, contract_id, offset_days, due_date, owner_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (contract_id, offset_days) DO NOTHING
                    """)
                    .params(event.customerId(), event.contractId(), days,
                            Date.valueOf(event.businessDate().plusDays(days)), event.ownerId(),
                            Timestamp.from(event.occurredAt()))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    KeysetPage<Visit> list(VisitListQuery query, CurrentUser viewer) {
        Where where = access.where(viewer, "v.owner_id");
        switch (query.viewOrDefault()) {
            case MINE -> where.add("v.owner_id = :me AND v.done_at IS NULL", "me", viewer.id());
            case ALL -> where.add("v.done_at IS NULL");
            case MISSED -> where.add("v.done_at IS NULL AND v.due_date < :today");
            case DONE -> where.add("v.done_at IS NOT NULL");
        }
        where.after(SOONEST_FIRST, query.cursor());
        List<Visit> rows = rows(where, PAGE_SIZE + 1);
        return KeysetPage.withCursors(rows, PAGE_SIZE, v -> SOONEST_FIRST.cursorOf(v.id(), v.dueDate().toString()));
    }

    @Transactional(readOnly = true)
    List<Visit> ofCustomer(long customerId, CurrentUser viewer, int limit) {
        return rows(access.where(viewer, "v.owner_id").add("v.customer_id = :customer", "customer", customerId), limit);
    }

    @Transactional(readOnly = true)
    Visit loadVisible(long id, CurrentUser viewer) {
        List<Visit> rows = rows(access.where(viewer, "v.owner_id").add("v.id = :id", "id", id), 1);
        if (rows.isEmpty()) {
            throw new TicketNotFoundException();
        }
        return rows.get(0);
    }

    /**
     * Records the visit once, from the version the user saw, and writes it on the customer's
     * timeline as a follow-up (through the followup module, which moves the customer's clock), in
     * the recorder's language, in one transaction. A recorder who may not see the customer (a
     * service contact of another team) records the visit without the follow-up.
     */
    void record(long id, VisitForm form, CurrentUser viewer, Locale locale) {
        Visit visit = loadVisible(id, viewer);
        if (!followUps.kinds().contains(form.kindOrDefault())) {
            throw new RuleViolation("kind", "returnVisit.kind.invalid");
        }
        Instant now = clock.instant();
        Long followUpId = null;
        if (!customers.visibleNames(List.of(visit.customerId()), viewer).isEmpty()) {
            String reason = visit.monthly() ? messages.getMessage("returnVisit.reason.monthly", null, locale)
                    : messages.getMessage("returnVisit.reason.afterSigning", new Object[] { visit.offsetDays() }, locale);
            String note = TicketService.blankToNull(form.note());
            String content = messages.getMessage("returnVisit.followUp",
                    new Object[] { reason, form.satisfaction(), note == null ? "" : note }, locale).strip();
            followUpId = followUps.record(visit.customerId(), form.kindOrDefault(),
                    new FollowUpManagement.Visit(now, null, content, null), viewer);
        }
        int updated = jdbc.sql("""
                UPDATE service_return_visit SET done_at = :now, done_by_id = :me, satisfaction = :satisfaction,
                                                note = :note, version = version + 1
                WHERE id = :id AND done_at IS NULL AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("me", viewer.id())
                .param("satisfaction", form.satisfaction()).param("note", TicketService.blankToNull(form.note()))
                .param("id", id).param("version", form.version() == null ? -1 : form.version())
                .update();
        if (updated == 0) {
            // Rolls the follow-up back with it.
            throw new RuleViolation(null, "returnVisit.stale");
        }
        if (followUpId != null) {
            jdbc.sql("UPDATE service_return_visit SET follow_up_id = ? WHERE id = ?").params(followUpId, id).update();
        }
    }

    /** The user's own return visits still to do, soonest due first: the to-do page's card. */
    @Transactional(readOnly = true)
    List<Visit> toDo(CurrentUser viewer, int limit) {
        return rows(access.where(viewer, "v.owner_id").add("v.owner_id = :me AND v.done_at IS NULL", "me", viewer.id()),
                limit);
    }

    private List<Visit> rows(Where where, int limit) {
        List<Visit> rows = jdbc.sql("""
                SELECT v.id, v.customer_id, c.name AS customer_name, v.contract_id, v.offset_days, v.due_date, v.owner_id,
                       v.done_at, v.satisfaction, v.note, v.version, (v.done_at IS NULL AND v.due_date < :today) AS missed,
                       v.visit_month IS NOT NULL AS monthly
                FROM service_return_visit v %s
                WHERE %s ORDER BY %s LIMIT %d
                """.formatted(CUSTOMERS, where.sql(), SOONEST_FIRST.orderBy(), limit))
                .params(where.params())
                .param("today", Date.valueOf(LocalDate.now(clock)))
                .query((rs, n) -> new Visit(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                        (Long) rs.getObject("contract_id"), rs.getInt("offset_days"), rs.getDate("due_date").toLocalDate(),
                        rs.getLong("owner_id"), null, Ticket.instant(rs, "done_at"),
                        rs.getObject("satisfaction", Integer.class), rs.getString("note"), rs.getLong("version"),
                        rs.getBoolean("missed"), rs.getBoolean("monthly")))
                .list();
        Map<Long, UserSummary> names = users.findUsers(rows.stream().map(Visit::ownerId).distinct().toList());
        return rows.stream().map(v -> v.withOwnerName(TicketService.displayName(names, v.ownerId()))).toList();
    }
}
