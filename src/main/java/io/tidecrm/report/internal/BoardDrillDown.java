package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts behind one figure of the leaderboard, limited to the customers the viewer may see
 * (the scope is part of the statement, never a filter afterwards); how many facts are hidden
 * is counted, so that the page can say the figure holds more than the viewer may open.
 */
@Component
class BoardDrillDown {

    /** The most facts one drill-down lists. */
    static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final CustomerManagement customers;

    BoardDrillDown(JdbcClient jdbc, CustomerManagement customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    record Fact(LocalDate day, BigDecimal value, String recordKind, Long recordId, String label, long customerId,
            String customerName) {
    }

    /** @param hidden facts of the figure whose customer the viewer may not see */
    record Facts(List<Fact> rows, int total, int hidden) {
    }

    Facts facts(Board board, long userId, Period period, Long teamId, CurrentUser viewer) {
        CustomerScope scope = customers.scopeCondition("c", viewer);
        Where where = scope.where()
                .add("f.board = :board", "board", board.name())
                .add("f.user_id = :user", "user", userId)
                .add("f.business_date BETWEEN :from AND :to", Map.of("from", period.from(), "to", period.to()))
                .addIf("f.team_id = :team", "team", teamId);
        List<Fact> rows = jdbc.sql("SELECT f.business_date, f.value, f.record_kind, f.record_id, f.label, f.customer_id,"
                + " c.name FROM board_fact f " + CustomerScope.join("c", "f.customer_id") + " WHERE " + where.sql()
                + " ORDER BY f.business_date DESC, f.id DESC LIMIT " + LIMIT)
                .params(where.params())
                .query((rs, n) -> new Fact(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getLong(6), rs.getString(7)))
                .list();
        String team = teamId == null ? "" : " AND team_id = :team";
        int total = jdbc.sql("SELECT count(*) FROM board_fact WHERE board = :board AND user_id = :user"
                + " AND business_date BETWEEN :from AND :to" + team)
                .param("board", board.name()).param("user", userId).param("from", period.from())
                .param("to", period.to()).param("team", teamId).query(Integer.class).single();
        int visible = rows.size() < LIMIT ? rows.size()
                : jdbc.sql("SELECT count(*) FROM board_fact f " + CustomerScope.join("c", "f.customer_id") + " WHERE "
                        + where.sql()).params(where.params()).query(Integer.class).single();
        return new Facts(rows, total, total - visible);
    }
}
