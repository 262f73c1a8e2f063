package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Choice;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of many opportunities — list, customer panel, board and forecast — each one
 * statement joined to {@code customer} and kept inside the viewer's scope in SQL. Every value
 * is a bind parameter.
 */
@Component
@Transactional(readOnly = true)
class OpportunityQueries {

    static final int PAGE_SIZE = 20;
    static final int CARDS_PER_COLUMN = 50;
    /** Closed opportunities stay on the board this long after they were closed. */
    static final Duration CLOSED_ON_BOARD = Duration.ofDays(30);
    static final int FORECAST_MONTHS = 6;
    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("o.id");

    /** The customer of each opportunity, through the customer module's join; the scope condition uses alias c. */
    private static final String CUSTOMERS = CustomerScope.join("c", "o.customer_id");

    private static final String COLUMNS = """
            o.id, o.title, o.customer_id, c.name AS customer_name, o.stage, o.amount, o.expected_close_date,
            o.probability, o.owner_id, o.version""";

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    OpportunityQueries(JdbcClient jdbc, CustomerManagement customers, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    /** One page of the list, newest first, filtered by stage, owner and expected close month. */
    KeysetPage<OpportunityRow> list(OpportunityListQuery query, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where()
                .addIf("o.stage = :stage", "stage", query.stage())
                .addIf("o.owner_id = :owner", "owner", query.owner())
                .addIf("o.expected_close_date >= :monthStart", "monthStart", query.month(),
                        month -> Date.valueOf(month.atDay(1)))
                .addIf("o.expected_close_date < :monthEnd", "monthEnd", query.month(),
                        month -> Date.valueOf(month.plusMonths(1).atDay(1)))
                .after(NEWEST_FIRST, query.cursor());
        return KeysetPage.of(rows(where, PAGE_SIZE + 1), PAGE_SIZE, OpportunityRow::id).map(this::withOwnerNames);
    }

    /** The customer's opportunities for its page, newest first. */
    List<OpportunityRow> ofCustomer(long customerId, CurrentUser viewer, int limit) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("o.customer_id = :customer", "customer", customerId);
        return withOwnerNames(rows(where, limit));
    }

    private List<OpportunityRow> rows(Where where, int limit) {
        return jdbc.sql("""
                SELECT %s FROM opportunity o %s
                WHERE %s ORDER BY %s LIMIT %d
                """.formatted(COLUMNS, CUSTOMERS, where.sql(), NEWEST_FIRST.orderBy(), limit))
                .params(where.params())
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * The board: per stage the opportunities soonest to close first (at most
     * {@link #CARDS_PER_COLUMN}), with the stage's count and amount; closed ones only when
     * closed within {@link #CLOSED_ON_BOARD}.
     */
    Board board(Long owner, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("(o.closed_at IS NULL OR o.closed_at >= :closedSince)", "closedSince",
                Timestamp.from(clock.instant().minus(CLOSED_ON_BOARD)));
        if (owner != null) {
            where.add("o.owner_id = :owner", "owner", owner);
        }
        record Card(OpportunityRow row, long inStage, BigDecimal stageAmount) {
        }
        List<Card> cards = jdbc.sql("""
                SELECT * FROM (
                    SELECT %s,
                           count(*) OVER stage AS in_stage,
                           sum(o.amount) OVER stage AS stage_amount,
                           row_number() OVER (PARTITION BY o.stage ORDER BY o.expected_close_date, o.id) AS n
                    FROM opportunity o %s
                    WHERE %s
                    WINDOW stage AS (PARTITION BY o.stage)
                ) b
                WHERE b.n <= %d ORDER BY b.n
                """.formatted(COLUMNS, CUSTOMERS, where.sql(), CARDS_PER_COLUMN))
                .params(where.params())
                .query((rs, n) -> new Card(row(rs), rs.getLong("in_stage"), rs.getBigDecimal("stage_amount")))
                .list();
        Map<Long, String> names = ownerNames(cards.stream().map(Card::row).toList());
        Map<Stage, List<Card>> byStage = cards.stream().collect(Collectors.groupingBy(c -> c.row().stage()));
        List<Board.Column> columns = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<Card> inColumn = byStage.getOrDefault(stage, List.of());
            columns.add(new Board.Column(stage,
                    inColumn.stream().map(c -> c.row().withOwnerName(names.get(c.row().ownerId()))).toList(),
                    inColumn.isEmpty() ? 0 : inColumn.get(0).inStage(),
                    inColumn.isEmpty() ? BigDecimal.ZERO : inColumn.get(0).stageAmount()));
        }
        return new Board(columns, owner);
    }

    /**
     * The forecast of the viewer's opportunities (a rep's own, a manager's team's, everyone's
     * for an administrator), by expected close month from the current one: open opportunities
     * weighted by probability, overdue open ones (expected before today) apart, won ones at
     * their amount. Buckets, owners and the total are summed in one statement.
     */
    Forecast forecast(CurrentUser viewer) {
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today);
        Where where = customers.scopeCondition("c", viewer).where();
        Forecast.Scope scope = switch (viewer.role()) {
            case REP -> Forecast.Scope.MINE;
            case MANAGER -> Forecast.Scope.TEAM;
            case ADMIN -> Forecast.Scope.ALL;
        };
        switch (scope) {
            case MINE -> where.add("o.owner_id = :me", "me", viewer.id());
            case TEAM -> where.add("o.owner_id IN (:team)", "team", users.managedUserIds(viewer.id()));
            case ALL -> { }
        }
        where.add("o.stage <> 'LOST'", null, null);
        where.add("o.expected_close_date < :end", "end", Date.valueOf(first.plusMonths(FORECAST_MONTHS).atDay(1)));
        where.add("(o.stage <> 'WON' OR o.expected_close_date >= :start)", "start", Date.valueOf(first.atDay(1)));
        where.bind("today", Date.valueOf(today));
        record Sum(boolean byMonth, boolean byOwner, YearMonth month, Long ownerId, Forecast.Row row) {
        }
        List<Sum> sums = jdbc.sql("""
                SELECT f.month, f.owner_id, grouping(f.month) = 0 AS by_month, grouping(f.owner_id) = 0 AS by_owner,
                       count(*) FILTER (WHERE f.open) AS open_count,
                       coalesce(sum(f.amount) FILTER (WHERE f.open), 0) AS open_amount,
                       coalesce(round(sum(f.amount * f.probability) FILTER (WHERE f.open) / 100, 2), 0) AS weighted,
                       coalesce(sum(f.amount) FILTER (WHERE NOT f.open), 0) AS won
                FROM (
                    SELECT o.owner_id, o.amount, o.probability, o.stage <> 'WON' AS open,
                           CASE WHEN o.stage <> 'WON' AND o.expected_close_date < :today THEN NULL
                                ELSE CAST(date_trunc('month', o.expected_close_date) AS date) END AS month
                    FROM opportunity o %s
                    WHERE %s
                ) f
                GROUP BY GROUPING SETS ((f.month), (f.owner_id), ())
                """.formatted(CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> {
                    Date month = rs.getDate("month");
                    YearMonth ym = month == null ? null : YearMonth.from(month.toLocalDate());
                    return new Sum(rs.getBoolean("by_month"), rs.getBoolean("by_owner"), ym,
                            (Long) rs.getObject("owner_id"), new Forecast.Row(ym, rs.getLong("open_count"),
                                    rs.getBigDecimal("open_amount"), rs.getBigDecimal("weighted"), rs.getBigDecimal("won")));
                })
                .list();
        Map<YearMonth, Forecast.Row> byMonth = new HashMap<>();
        Forecast.Row overdue = Forecast.Row.empty(null);
        Forecast.Row total = Forecast.Row.empty(null);
        List<Sum> byOwner = new ArrayList<>();
        for (Sum s : sums) {
            if (s.byMonth() && s.month() == null) {
                overdue = s.row();
            } else if (s.byMonth()) {
                byMonth.put(s.month(), s.row());
            } else if (s.byOwner()) {
                byOwner.add(s);
            } else {
                total = s.row();
            }
        }
        List<Forecast.Row> rows = new ArrayList<>();
        rows.add(overdue);
        for (int i = 0; i < FORECAST_MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            rows.add(byMonth.getOrDefault(month, Forecast.Row.empty(month)));
        }
        List<Forecast.OwnerRow> owners = List.of();
        if (scope != Forecast.Scope.MINE) {
            Map<Long, UserSummary> names = users.findUsers(byOwner.stream().map(Sum::ownerId).toList());
            owners = byOwner.stream()
                    .map(s -> new Forecast.OwnerRow(s.ownerId(), OpportunityService.displayName(names, s.ownerId()),
                            s.row().openCount(), s.row().openAmount(), s.row().weighted(), s.row().won()))
                    .sorted(Comparator.comparing(Forecast.OwnerRow::forecast).reversed())
                    .toList();
        }
        return new Forecast(scope, today, rows, total, owners);
    }

    /** Owners a manager (their team) or an administrator (everyone but administrators) may filter by; null for a rep. */
    List<Choice> ownerChoices(CurrentUser viewer) {
        return viewer.role() == Role.REP ? null
                : Choice.of(users.ownersVisibleTo(viewer), UserSummary::id, UserSummary::displayName);
    }

    private List<OpportunityRow> withOwnerNames(List<OpportunityRow> rows) {
        Map<Long, String> names = ownerNames(rows);
        return rows.stream().map(r -> r.withOwnerName(names.get(r.ownerId()))).toList();
    }

    private Map<Long, String> ownerNames(List<OpportunityRow> rows) {
        Set<Long> ids = rows.stream().map(OpportunityRow::ownerId).collect(Collectors.toSet());
        return users.findUsers(ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().displayName()));
    }

    private static OpportunityRow row(ResultSet rs) throws SQLException {
        return new OpportunityRow(rs.getLong("id"), rs.getString("title"), rs.getLong("customer_id"),
                rs.getString("customer_name"), Stage.valueOf(rs.getString("stage")), rs.getBigDecimal("amount"),
                rs.getDate("expected_close_date").toLocalDate(), rs.getInt("probability"), rs.getLong("owner_id"), null,
                rs.getLong("version"));
    }
}
