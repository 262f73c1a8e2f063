package io.tidecrm.lead.internal;

import java.sql.Time;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lead settings, the ordered assignment rules and the reps' daily capacities, as stored and as administered. */
@Component
@Transactional
class LeadRules {

    /** A rule as stored, with its target's name for the page. */
    record StoredRule(long id, int position, String name, String region, String industry, LeadSource source,
            RuleTarget target, Long userId, Long teamId, boolean onArrival, boolean enabled, Long lastUserId,
            long version) {

        RuleForm toForm() {
            return new RuleForm(position, name, nz(region), nz(industry), source, target, userId, teamId, onArrival,
                    enabled, version);
        }
    }

    /** A rep's capacity for the administrators' page: their own or the default. */
    record Capacity(long userId, String name, String teamName, int capacity, boolean own) {
    }

    private final JdbcClient jdbc;
    private final UserManagement users;

    LeadRules(JdbcClient jdbc, UserManagement users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Transactional(readOnly = true)
    LeadSettings settings() {
        return jdbc.sql("""
                SELECT run_time, default_capacity, pool_daily_limit, confirm_minutes, reassign_on_miss,
                       public_form_enabled, public_form_per_hour, version
                FROM lead_settings WHERE id = 1
                """)
                .query((rs, n) -> new LeadSettings(rs.getTime(1).toLocalTime(), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7), rs.getLong(8)))
                .single();
    }

    void updateSettings(LeadSettings s) {
        int updated = jdbc.sql("""
                UPDATE lead_settings SET run_time = :runTime, default_capacity = :capacity, pool_daily_limit = :limit,
                       confirm_minutes = :minutes, reassign_on_miss = :reassign, public_form_enabled = :form,
                       public_form_per_hour = :perHour, version = version + 1
                WHERE id = 1 AND version = :version
                """)
                .param("runTime", Time.valueOf(s.runTime()))
                .param("capacity", s.defaultCapacity())
                .param("limit", s.poolDailyLimit())
                .param("minutes", s.confirmMinutes())
                .param("reassign", s.reassigns())
                .param("form", s.publicForm())
                .param("perHour", s.publicFormPerHour())
                .param("version", s.version() == null ? -1 : s.version())
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "form.staleVersion");
        }
    }

    @Transactional(readOnly = true)
    List<StoredRule> rules() {
        return jdbc.sql("""
                SELECT id, position, name, region, industry, source, target, user_id, team_id, on_arrival, enabled,
                       last_user_id, version
                FROM lead_rule ORDER BY position, id
                """)
                .query((rs, n) -> new StoredRule(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
                        rs.getString("region"), rs.getString("industry"),
                        rs.getString("source") == null ? null : LeadSource.valueOf(rs.getString("source")),
                        RuleTarget.valueOf(rs.getString("target")), (Long) rs.getObject("user_id"),
                        (Long) rs.getObject("team_id"), rs.getBoolean("on_arrival"), rs.getBoolean("enabled"),
                        (Long) rs.getObject("last_user_id"), rs.getLong("version")))
                .list();
    }

    @Transactional(readOnly = true)
    StoredRule rule(long id) {
        return rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow(LeadNotFoundException::new);
    }

    long create(RuleForm form) {
        check(form);
        return jdbc.sql("""
                INSERT INTO lead_rule (position, name, region, industry, source, target, user_id, team_id, on_arrival, enabled)
                VALUES (:position, :name, :region, :industry, :source, :target, :user, :team, :onArrival, :enabled)
                RETURNING id
                """)
                .params(params(form))
                .query(Long.class)
                .single();
    }

    void update(long id, RuleForm form) {
        rule(id);
        check(form);
        Map<String, Object> params = new java.util.HashMap<>(params(form));
        params.put("id", id);
        params.put("version", form.version() == null ? -1 : form.version());
        int updated = jdbc.sql("""
                UPDATE lead_rule SET position = :position, name = :name, region = :region, industry = :industry,
                       source = :source, target = :target, user_id = :user, team_id = :team, on_arrival = :onArrival,
                       enabled = :enabled, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .params(params)
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "form.staleVersion");
        }
    }

    void delete(long id) {
        rule(id);
        jdbc.sql("DELETE FROM lead_rule WHERE id = ?").param(id).update();
    }

    private void check(RuleForm form) {
        if (form.target() == RuleTarget.USER) {
            UserSummary u = form.userId() == null ? null : users.findUser(form.userId()).orElse(null);
            if (u == null || u.role() == Role.ADMIN) {
                throw new RuleViolation("userId", "lead.rule.userId.required");
            }
        } else if (form.teamId() == null || users.findTeams().stream().noneMatch(t -> t.id() == form.teamId())) {
            throw new RuleViolation("teamId", "lead.rule.teamId.required");
        }
    }

    private static Map<String, Object> params(RuleForm form) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("position", form.position());
        p.put("name", form.name().strip());
        p.put("region", blankToNull(form.region()));
        p.put("industry", blankToNull(form.industry()));
        p.put("source", form.source() == null ? null : form.source().name());
        p.put("target", form.target().name());
        p.put("user", form.target() == RuleTarget.USER ? form.userId() : null);
        p.put("team", form.target() == RuleTarget.USER ? null : form.teamId());
        p.put("onArrival", Boolean.TRUE.equals(form.onArrival()));
        p.put("enabled", Boolean.TRUE.equals(form.enabled()));
        return p;
    }

    /** Each user's daily capacity: their own, or the default. */
    @Transactional(readOnly = true)
    Map<Long, Integer> ownCapacities() {
        Map<Long, Integer> own = new java.util.HashMap<>();
        jdbc.sql("SELECT user_id, daily_capacity FROM lead_capacity").query(rs -> {
            own.put(rs.getLong(1), rs.getInt(2));
        });
        return own;
    }

    @Transactional(readOnly = true)
    List<Capacity> capacities() {
        Map<Long, Integer> own = ownCapacities();
        int def = settings().defaultCapacity();
        return users.findEnabledUsers().stream().filter(u -> u.role() != Role.ADMIN)
                .map(u -> new Capacity(u.id(), u.displayName(), u.teamName(), own.getOrDefault(u.id(), def),
                        own.containsKey(u.id())))
                .toList();
    }

    /** Sets a user's own capacity, or (null) returns them to the default. */
    void setCapacity(long userId, Integer capacity) {
        if (users.findUser(userId).filter(u -> u.role() != Role.ADMIN).isEmpty()) {
            throw new RuleViolation("userId", "lead.capacity.userId.invalid");
        }
        if (capacity == null) {
            jdbc.sql("DELETE FROM lead_capacity WHERE user_id = ?").param(userId).update();
            return;
        }
        if (capacity < 0 || capacity > 1000) {
            throw new RuleViolation("capacity", "lead.capacity.invalid");
        }
        jdbc.sql("""
                INSERT INTO lead_capacity (user_id, daily_capacity) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET daily_capacity = EXCLUDED.daily_capacity
                """).params(userId, capacity).update();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
