package io.tidecrm.service.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tidecrm.customer.CustomerType;
import io.tidecrm.service.WorkingCalendar;
import io.tidecrm.support.RuleChanged;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA policy: for a ticket's kind, priority and customer type the most specific row that
 * matches (a null priority or type matches any), turned into due times counted in working time
 * by the {@link WorkingCalendar}.
 */
@Component
@Transactional(readOnly = true)
public class SlaPolicies {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaPolicies(JdbcClient jdbc, WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** A row of the policy as the administrators' page lists it. */
    public record Row(long id, TicketKind kind, TicketPriority priority, CustomerType customerType, Term firstResponse,
            Term resolution) {

        /** The row for a kind with any priority and customer type: the fallback, which stays. */
        public boolean isDefault() {
            return priority == null && customerType == null;
        }
    }

    List<Row> rows() {
        return jdbc.sql("""
                SELECT id, kind, priority, customer_type, first_response_amount, first_response_unit, resolution_amount,
                       resolution_unit
                FROM service_sla_policy
                ORDER BY kind, priority NULLS FIRST, customer_type NULLS FIRST
                """)
                .query((rs, n) -> new Row(rs.getLong(1), TicketKind.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : TicketPriority.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : CustomerType.valueOf(rs.getString(4)),
                        new Term(rs.getInt(5), rs.getString(6)), new Term(rs.getInt(7), rs.getString(8))))
                .list();
    }

    /** Adds the row for its kind, priority and type, or changes the one there is; for tickets recorded from now on. */
    @Transactional
    void save(SlaPolicyForm form, long byUserId) {
        String rule = "service.sla." + form.kind() + "." + form.priority() + "." + form.customerType();
        String value = form.firstResponseAmount() + " " + form.firstResponseUnit() + " / " + form.resolutionAmount()
                + " " + form.resolutionUnit();
        jdbc.sql("""
                INSERT INTO service_sla_policy (kind, priority, customer_type, first_response_amount, first_response_unit,
                                                resolution_amount, resolution_unit)
                VALUES (:kind, :priority, :type, :fa, :fu, :ra, :ru)
                ON CONFLICT ON CONSTRAINT service_sla_policy_uq DO UPDATE
                    SET first_response_amount = EXCLUDED.first_response_amount,
                        first_response_unit = EXCLUDED.first_response_unit,
                        resolution_amount = EXCLUDED.resolution_amount, resolution_unit = EXCLUDED.resolution_unit,
                        version = service_sla_policy.version + 1
                """)
                .param("kind", form.kind().name())
                .param("priority", form.priority() == null ? null : form.priority().name())
                .param("type", form.customerType() == null ? null : form.customerType().name())
                .param("fa", form.firstResponseAmount()).param("fu", form.firstResponseUnit().name())
                .param("ra", form.resolutionAmount()).param("ru", form.resolutionUnit().name())
                .update();
        events.publishEvent(new RuleChanged(rule, null, value, byUserId, clock.instant()));
    }

    /** Removes a specific row; the default row of a kind stays (every ticket needs a policy). */
    @Transactional
    void delete(long id, long byUserId) {
        int deleted = jdbc.sql("DELETE FROM service_sla_policy WHERE id = ? AND (priority IS NOT NULL OR customer_type IS NOT NULL)")
                .param(id).update();
        if (deleted == 0) {
            throw new RuleViolation(null, "sla.defaultStays");
        }
        events.publishEvent(new RuleChanged("service.sla." + id, "row " + id, null, byUserId, clock.instant()));
    }

    /** An amount of working hours or working days. */
    public record Term(int amount, String unit) {

        Instant after(Instant start, WorkingCalendar calendar) {
            return "DAYS".equals(unit) ? calendar.addWorkingDays(start, amount)
                    : calendar.addWorkingTime(start, Duration.ofHours(amount));
        }
    }

    record Policy(Term firstResponse, Term resolution) {
    }

    record Due(Instant firstResponse, Instant resolution) {
    }

    Policy policyFor(TicketKind kind, TicketPriority priority, CustomerType customerType) {
        return jdbc.sql("""
                SELECT first_response_amount, first_response_unit, resolution_amount, resolution_unit
                FROM service_sla_policy
                WHERE kind = :kind AND (priority IS NULL OR priority = :priority)
                  AND (customer_type IS NULL OR customer_type = :type)
                ORDER BY (priority IS NOT NULL)::int + (customer_type IS NOT NULL)::int DESC,
                         (priority IS NOT NULL) DESC
                LIMIT 1
                """)
                .param("kind", kind.name())
                .param("priority", priority.name())
                .param("type", customerType == null ? null : customerType.name())
                .query((rs, n) -> new Policy(new Term(rs.getInt(1), rs.getString(2)), new Term(rs.getInt(3), rs.getString(4))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No SLA policy for " + kind));
    }

    /** The due times of a ticket recorded at {@code start}. */
    Due dueTimes(TicketKind kind, TicketPriority priority, CustomerType customerType, Instant start) {
        Policy policy = policyFor(kind, priority, customerType);
        return new Due(policy.firstResponse().after(start, calendar), policy.resolution().after(start, calendar));
    }
}
