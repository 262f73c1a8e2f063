package io.tidecrm.service.internal;

import java.time.Duration;
import java.time.Instant;

import io.tidecrm.customer.CustomerType;
import io.tidecrm.service.WorkingCalendar;
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
class SlaPolicies {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    SlaPolicies(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** An amount of working hours or working days. */
    record Term(int amount, String unit) {

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
