package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.contract.ContractWorkload;
import io.tidecrm.customer.CustomerWorkload;
import io.tidecrm.events.DeliveryHealth;
import io.tidecrm.fieldwork.CommitmentWorkload;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.TeamSummary;
import io.tidecrm.identity.UserManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page of each role, every figure with the list behind it: a rep's day, a manager's
 * team month and what waits on them, the administrator's company month and the health of the
 * jobs and deliveries.
 */
@Component
class HomePage {

    /** The boards of the month summary, main board first. */
    static final List<Board> MONTH_BOARDS = List.of(Board.PAYMENTS, Board.CONTRACT_AMOUNT, Board.NEW_CUSTOMERS);

    private final Leaderboard leaderboard;
    private final CustomerWorkload customers;
    private final ContractWorkload contracts;
    private final CommitmentWorkload commitments;
    private final DeliveryHealth deliveries;
    private final UserManagement users;
    private final JdbcClient jdbc;

    HomePage(Leaderboard leaderboard, CustomerWorkload customers, ContractWorkload contracts,
            CommitmentWorkload commitments, DeliveryHealth deliveries, UserManagement users, JdbcClient jdbc) {
        this.leaderboard = leaderboard;
        this.commitments = commitments;
        this.customers = customers;
        this.contracts = contracts;
        this.deliveries = deliveries;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** One board of the month: the scope's figure, its target and attainment, and the viewer's rank when ranked. */
    record MonthFigure(Board board, BigDecimal value, BigDecimal target, Integer attainment, Integer rank,
            int ranked) {
    }

    /**
     * @param team the manager's team (the first they lead), null for others
     * @param teamTop the team's month ranking on the main board (manager)
     * @param quietReps the team's reps without a follow-up today (manager)
     * @param lastRollup the last run of the leaderboard rollup (administrator)
     * @param overdueCommitments open commitments past due: the rep's own, the manager's team's
     */
    record Home(Role role, LocalDate today, List<MonthFigure> month, CustomerWorkload.Counts customers,
            ContractWorkload.Counts contracts, TeamSummary team, List<Leaderboard.Row> teamTop,
            List<String> quietReps, Long incompleteDeliveries, LastRun lastRollup, long overdueCommitments) {
    }

    record LastRun(String status, java.time.Instant startedAt) {
    }

    @Transactional(readOnly = true)
    Home of(CurrentUser viewer) {
        LocalDate today = leaderboard.today();
        Period month = Period.containing(Period.Kind.MONTH, today);
        TeamSummary team = viewer.role() == Role.MANAGER ? users.findTeams().stream()
                .filter(t -> t.managerId() != null && t.managerId() == viewer.id()).findFirst().orElse(null) : null;
        Long scopeTeam = team == null ? null : team.id();
        List<MonthFigure> figures = MONTH_BOARDS.stream().map(b -> {
            Leaderboard.Ranking r = leaderboard.rank(b, month, scopeTeam, viewer);
            return switch (viewer.role()) {
                case REP -> r.me() == null ? new MonthFigure(b, BigDecimal.ZERO, null, null, null, r.rows().size())
                        : new MonthFigure(b, r.me().value(), r.me().target(), r.me().attainment(), r.me().rank(),
                                r.rows().size());
                case MANAGER -> new MonthFigure(b, r.total(), r.teamTarget(), r.teamAttainment(), null,
                        r.rows().size());
                case ADMIN -> new MonthFigure(b, r.total(), null, null, null, r.rows().size());
            };
        }).toList();
        List<Leaderboard.Row> teamTop = List.of();
        List<String> quiet = List.of();
        if (team != null) {
            teamTop = leaderboard.rank(Board.PAYMENTS, month, team.id(), viewer).rows().stream().limit(5).toList();
            quiet = leaderboard.rank(Board.FOLLOW_UPS, Period.containing(Period.Kind.DAY, today), team.id(), viewer)
                    .rows().stream().filter(r -> r.value().signum() == 0).map(Leaderboard.Row::name).toList();
        }
        Long incomplete = viewer.isAdmin() ? deliveries.incompleteDeliveries() : null;
        LastRun lastRollup = viewer.isAdmin() ? jdbc.sql("""
                SELECT status, started_at FROM report_job_run WHERE job = 'ROLLUP' ORDER BY started_at DESC LIMIT 1
                """).query((rs, n) -> new LastRun(rs.getString(1), rs.getTimestamp(2).toInstant())).optional()
                .orElse(null) : null;
        return new Home(viewer.role(), today, figures, customers.counts(viewer),
                contracts.counts(viewer), team, teamTop, quiet,
                incomplete, lastRollup, viewer.isAdmin() ? 0 : commitments.overdue(viewer));
    }
}
