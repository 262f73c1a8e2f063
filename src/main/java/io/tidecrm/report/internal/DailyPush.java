package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidecrm.identity.TeamSummary;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.report.DailyBoardsPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Composes the evening push: for each main board the company's ranking of the day, its top
 * five, and each team's total; one fact per team, delivered after commit by the notification
 * module (inbox and group robot) through the event publication registry.
 */
@Component
class DailyPush {

    /** The boards the evening push carries, main board first. */
    static final List<Board> BOARDS = List.of(Board.PAYMENTS, Board.CONTRACT_AMOUNT, Board.NEW_CUSTOMERS,
            Board.FOLLOW_UPS);
    static final int TOP = 5;

    private final Leaderboard leaderboard;
    private final UserManagement users;
    private final ApplicationEventPublisher events;

    DailyPush(Leaderboard leaderboard, UserManagement users, ApplicationEventPublisher events) {
        this.leaderboard = leaderboard;
        this.users = users;
        this.events = events;
    }

    /** Publishes the day's push to every team with members; returns how many teams. */
    int publish(LocalDate day, Instant at) {
        Period period = Period.containing(Period.Kind.DAY, day);
        Map<Board, Leaderboard.Ranking> rankings = BOARDS.stream()
                .collect(Collectors.toMap(b -> b, b -> leaderboard.rank(b, period, null, 0L)));
        Map<Long, List<UserSummary>> members = users.findEnabledUsers().stream().filter(u -> u.teamId() != null)
                .collect(Collectors.groupingBy(UserSummary::teamId));
        int teams = 0;
        for (TeamSummary team : users.findTeams()) {
            List<UserSummary> teamMembers = members.getOrDefault(team.id(), List.of());
            if (teamMembers.isEmpty()) {
                continue;
            }
            List<DailyBoardsPublished.BoardTop> tops = new ArrayList<>();
            for (Board board : BOARDS) {
                Leaderboard.Ranking r = rankings.get(board);
                List<DailyBoardsPublished.Entry> top = r.rows().stream()
                        .filter(row -> row.value().signum() > 0 && row.rank() <= TOP)
                        .map(row -> new DailyBoardsPublished.Entry(row.rank(), row.userId(), row.name(), row.value()))
                        .toList();
                BigDecimal teamTotal = leaderboard.rank(board, period, team.id(), 0L).total();
                tops.add(new DailyBoardsPublished.BoardTop("report.board." + board.name(), board.money(), top,
                        teamTotal));
            }
            events.publishEvent(new DailyBoardsPublished(day, team.id(), team.name(),
                    teamMembers.stream().map(UserSummary::id).collect(Collectors.toSet()), tops,
                    "/leaderboard?period=DAY&date=" + day + "&team=" + team.id(), at));
            teams++;
        }
        return teams;
    }
}
