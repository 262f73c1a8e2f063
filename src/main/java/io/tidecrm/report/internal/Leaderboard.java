package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks the reps of a scope on a board for a period. Every enabled rep of the scope is listed,
 * zeros included, with anyone else credited in the period (a manager who sold, a rep who has
 * left or moved team since); ties share a rank (1, 2, 2, 4); each row carries its change of rank
 * against the previous period, its gap to the row above and, for periods of whole months, its
 * attainment of target. The statements are the same whatever the number of reps.
 */
@Component
class Leaderboard {

    private final BoardFigures figures;
    private final BoardRollup rollup;
    private final Targets targets;
    private final UserManagement users;
    private final Clock clock;

    Leaderboard(BoardFigures figures, BoardRollup rollup, Targets targets, UserManagement users, Clock clock) {
        this.figures = figures;
        this.rollup = rollup;
        this.targets = targets;
        this.users = users;
        this.clock = clock;
    }

    /**
     * @param rankChange positive when the rep rose against the previous period, null when the
     *        rep was not ranked there
     * @param gap how much less than the row above (null for the first row)
     * @param attainment percent of target, null without a target
     */
    record Row(int rank, Integer rankChange, long userId, String name, String teamName, BigDecimal value,
            BigDecimal gap, BigDecimal target, Integer attainment, boolean me) {
    }

    /**
     * @param live whether the period includes today, whose figures still change
     * @param teamTarget the team's target for the period when the scope is a team with one
     */
    record Ranking(Board board, Period period, Long teamId, boolean live, List<Row> rows, Row me, BigDecimal total,
            BigDecimal teamTarget, Integer teamAttainment) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Clock clock() {
        return clock;
    }

    @Transactional(readOnly = true)
    Ranking rank(Board board, Period period, Long teamId, CurrentUser viewer) {
        return rank(board, period, teamId, viewer.id());
    }

    /** The ranking as the user with this id sees it (their row pinned); 0 for nobody's. */
    @Transactional(readOnly = true)
    Ranking rank(Board board, Period period, Long teamId, long viewerId) {
        LocalDate rolled = rollup.rolledThrough();
        Map<Long, BigDecimal> now = figures.byUser(board, period, teamId, rolled);
        Map<Long, BigDecimal> before = figures.byUser(board, period.previous(), teamId, rolled);
        List<YearMonth> months = period.wholeMonths();
        Map<Long, BigDecimal> userTargets = targets.ofUsers(board, months);

        Map<Long, UserSummary> listed = new LinkedHashMap<>();
        for (UserSummary u : users.findEnabledUsers()) {
            if (u.role() == Role.REP && (teamId == null || teamId.equals(u.teamId()))) {
                listed.put(u.id(), u);
            }
        }
        Set<Long> credited = new HashSet<>(now.keySet());
        credited.removeAll(listed.keySet());
        if (!credited.isEmpty()) {
            users.findUsers(credited).values().forEach(u -> listed.put(u.id(), u));
        }

        Map<Long, Integer> ranks = ranks(listed.keySet(), now);
        Map<Long, Integer> previousRanks = ranks(listed.keySet(), before);
        List<UserSummary> ordered = new ArrayList<>(listed.values());
        ordered.sort(Comparator.comparing((UserSummary u) -> value(now, u.id())).reversed()
                .thenComparing(UserSummary::displayName));
        List<Row> rows = new ArrayList<>(ordered.size());
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal above = null;
        for (UserSummary u : ordered) {
            BigDecimal v = value(now, u.id());
            int rank = ranks.get(u.id());
            Integer previousRank = previousRanks.get(u.id());
            BigDecimal target = userTargets.get(u.id());
            rows.add(new Row(rank, previousRank == null ? null : previousRank - rank, u.id(), u.displayName(),
                    u.teamName(), v, above == null ? null : above.subtract(v), target, percent(v, target),
                    u.id() == viewerId));
            total = total.add(v);
            above = v;
        }
        Row me = rows.stream().filter(Row::me).findFirst().orElse(null);
        BigDecimal teamTarget = teamId == null ? null : targets.ofTeams(board, months).get(teamId);
        return new Ranking(board, period, teamId, period.contains(today()), rows, me, total, teamTarget,
                percent(total, teamTarget));
    }

    private static BigDecimal value(Map<Long, BigDecimal> figures, long userId) {
        return figures.getOrDefault(userId, BigDecimal.ZERO);
    }

    /** Competition ranks (1, 2, 2, 4) of the users by their figures. */
    static Map<Long, Integer> ranks(Set<Long> userIds, Map<Long, BigDecimal> figures) {
        List<Long> ids = new ArrayList<>(userIds);
        ids.sort(Comparator.comparing((Long id) -> value(figures, id)).reversed());
        Map<Long, Integer> ranks = new HashMap<>();
        BigDecimal above = null;
        int rank = 0;
        for (int i = 0; i < ids.size(); i++) {
            BigDecimal v = value(figures, ids.get(i));
            if (above == null || v.compareTo(above) < 0) {
                rank = i + 1;
            }
            ranks.put(ids.get(i), rank);
            above = v;
        }
        return ranks;
    }

    private static Integer percent(BigDecimal value, BigDecimal target) {
        if (target == null || target.signum() <= 0) {
            return null;
        }
        return value.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.HALF_UP).intValue();
    }
}
