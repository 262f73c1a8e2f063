package io.tidecrm.pool.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.tidecrm.customer.PoolDeadlines;
import io.tidecrm.support.RuleChanged;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the pool rules; every change is published for the audit log. */
@Component
class PoolRulesStore implements PoolDeadlines {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PoolRulesStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PoolRules rules() {
        return jdbc.sql("SELECT * FROM pool_rules WHERE id = 1").query((rs, n) -> map(rs)).single();
    }

    /** The deadline function over the current rules, in the business zone. */
    PoolClock poolClock() {
        return new PoolClock(rules(), clock.getZone());
    }

    @Override
    public Calculator calculator() {
        return poolClock();
    }

    @Transactional
    void update(PoolRules changed, long byUserId) {
        PoolRules before = rules();
        Instant now = clock.instant();
        // Switching the pool on starts every clock no earlier than now (SPEC: Follow-ups).
        Instant enabledAt = changed.enabled() && !before.enabled() ? now : before.enabledAt();
        int updated = jdbc.sql("""
                UPDATE pool_rules SET enabled = :enabled, enabled_at = :enabledAt, uniform_days = :uniform,
                    days_a = :a, days_b = :b, days_c = :c, reclaim_time = :reclaim, warning_time = :warning,
                    warning_lead_days = :lead, grab_back_enabled = :gbOn, grab_back_days = :gbDays,
                    daily_grab_limit = :limit, copy_managers = :copy, version = version + 1
                WHERE id = 1 AND version = :version
                """)
                .param("enabled", changed.enabled())
                .param("enabledAt", Timestamp.from(enabledAt))
                .param("uniform", changed.uniformDays())
                .param("a", changed.daysA())
                .param("b", changed.daysB())
                .param("c", changed.daysC())
                .param("reclaim", Time.valueOf(changed.reclaimTime()))
                .param("warning", Time.valueOf(changed.warningTime()))
                .param("lead", changed.warningLeadDays())
                .param("gbOn", changed.grabBackEnabled())
                .param("gbDays", changed.grabBackDays())
                .param("limit", changed.dailyGrabLimit())
                .param("copy", changed.copyManagers())
                .param("version", changed.version())
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        Map<String, Object[]> pairs = new LinkedHashMap<>();
        pairs.put("pool.enabled", new Object[] { before.enabled(), changed.enabled() });
        pairs.put("pool.uniformDays", new Object[] { before.uniformDays(), changed.uniformDays() });
        pairs.put("pool.days.A", new Object[] { before.daysA(), changed.daysA() });
        pairs.put("pool.days.B", new Object[] { before.daysB(), changed.daysB() });
        pairs.put("pool.days.C", new Object[] { before.daysC(), changed.daysC() });
        pairs.put("pool.reclaimTime", new Object[] { before.reclaimTime(), changed.reclaimTime() });
        pairs.put("pool.warningTime", new Object[] { before.warningTime(), changed.warningTime() });
        pairs.put("pool.warningLeadDays", new Object[] { before.warningLeadDays(), changed.warningLeadDays() });
        pairs.put("pool.grabBack.enabled", new Object[] { before.grabBackEnabled(), changed.grabBackEnabled() });
        pairs.put("pool.grabBack.days", new Object[] { before.grabBackDays(), changed.grabBackDays() });
        pairs.put("pool.dailyGrabLimit", new Object[] { before.dailyGrabLimit(), changed.dailyGrabLimit() });
        pairs.put("pool.copyManagers", new Object[] { before.copyManagers(), changed.copyManagers() });
        pairs.forEach((rule, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                events.publishEvent(new RuleChanged(rule, String.valueOf(values[0]), String.valueOf(values[1]),
                        byUserId, now));
            }
        });
    }

    private static PoolRules map(ResultSet rs) throws SQLException {
        return new PoolRules(rs.getBoolean("enabled"), rs.getTimestamp("enabled_at").toInstant(),
                (Integer) rs.getObject("uniform_days"), rs.getInt("days_a"), rs.getInt("days_b"), rs.getInt("days_c"),
                rs.getTime("reclaim_time").toLocalTime(), rs.getTime("warning_time").toLocalTime(),
                rs.getInt("warning_lead_days"), rs.getBoolean("grab_back_enabled"), rs.getInt("grab_back_days"),
                (Integer) rs.getObject("daily_grab_limit"), rs.getBoolean("copy_managers"), rs.getLong("version"));
    }
}
