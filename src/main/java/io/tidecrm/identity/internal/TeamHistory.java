package io.tidecrm.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tidecrm.identity.TeamSpell;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The teams a user has belonged to ({@code user_team_spell}): a new spell starts whenever the
 * administrator changes a user's team, so that whoever needs "the team on that day" (the
 * leaderboard's rebuild) can know it after the change.
 */
@Component
class TeamHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    TeamHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new user's first spell, from now. */
    void started(long userId, Long teamId) {
        jdbc.sql("INSERT INTO user_team_spell (user_id, team_id, valid_from) VALUES (?, ?, ?)")
                .params(userId, teamId, Timestamp.from(clock.instant())).update();
    }

    /**
     * The user moves from one team (or none) to another: the current spell ends now and the new
     * one starts. A user without a history yet (created before it was kept, or outside these
     * pages) gets their old team up to now first. Nothing happens when the team stays.
     */
    void changed(long userId, Long oldTeamId, Long newTeamId) {
        if (Objects.equals(oldTeamId, newTeamId)) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int closed = jdbc.sql("UPDATE user_team_spell SET valid_to = ? WHERE user_id = ? AND valid_to IS NULL")
                .params(now, userId).update();
        if (closed == 0) {
            jdbc.sql("INSERT INTO user_team_spell (user_id, team_id, valid_from, valid_to) VALUES (?, ?, NULL, ?)")
                    .params(userId, oldTeamId, now).update();
        }
        jdbc.sql("INSERT INTO user_team_spell (user_id, team_id, valid_from) VALUES (?, ?, ?)")
                .params(userId, newTeamId, now).update();
    }

    Map<Long, List<TeamSpell>> of(Collection<Long> userIds) {
        Map<Long, List<TeamSpell>> history = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return history;
        }
        jdbc.sql("""
                SELECT user_id, team_id, valid_from, valid_to FROM user_team_spell
                WHERE user_id IN (:ids) ORDER BY user_id, valid_from NULLS FIRST, id
                """)
                .param("ids", userIds)
                .query(rs -> {
                    long team = rs.getLong(2);
                    boolean noTeam = rs.wasNull();
                    history.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new TeamSpell(noTeam ? null : team, instant(rs.getTimestamp(3)),
                                    instant(rs.getTimestamp(4))));
                });
        history.replaceAll((k, v) -> List.copyOf(v));
        return history;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
