package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tidecrm.contract.ContractFactReplay;
import io.tidecrm.customer.CustomerFactReplay;
import io.tidecrm.fieldwork.VisitFactReplay;
import io.tidecrm.followup.FollowUpFactReplay;
import io.tidecrm.identity.TeamSpell;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.lead.LeadFactReplay;
import io.tidecrm.sales.OpportunityFactReplay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the ledger of a range of days from the source facts, which each module replays
 * from its own tables, and compares it with the ledger: for a new installation or a migration
 * (the facts before the ledger existed), and to prove the read model right. Applying it adds
 * the facts the ledger misses and never changes or removes a row, so no past figure moves by
 * more than what was missing. A fact it adds is credited to the team its user belonged to at the
 * time, from identity's team history (the team now where the history does not reach back that
 * far). Known limits of the sources: an approval carries the contract's amount now, and a
 * send-back is not replayed at all.
 */
@Component
class LedgerRebuild {

    /** How many differences a report lists (it counts them all). */
    static final int EXAMPLES = 50;

    private final CustomerFactReplay customers;
    private final FollowUpFactReplay followUps;
    private final OpportunityFactReplay opportunities;
    private final ContractFactReplay contracts;
    private final VisitFactReplay visits;
    private final LeadFactReplay leads;
    private final BoardLedger ledger;
    private final UserManagement users;
    private final JdbcClient jdbc;

    LedgerRebuild(CustomerFactReplay customers, FollowUpFactReplay followUps, OpportunityFactReplay opportunities,
            ContractFactReplay contracts, VisitFactReplay visits, LeadFactReplay leads, BoardLedger ledger,
            UserManagement users, JdbcClient jdbc) {
        this.users = users;
        this.leads = leads;
        this.customers = customers;
        this.followUps = followUps;
        this.opportunities = opportunities;
        this.contracts = contracts;
        this.visits = visits;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** Per board: facts recomputed, facts in the ledger, missing from it, different in it, only in it. */
    record BoardCheck(Board board, int recomputed, int inLedger, int missing, int different, int ledgerOnly) {
    }

    /**
     * @param examples the first differences, e.g. "missing payment:12 (rep 5, 2026-03-01, 100.00)"
     * @param added how many missing facts were added (0 when not applied)
     */
    record Report(LocalDate from, LocalDate to, List<BoardCheck> boards, List<String> examples, int added) {

        boolean agrees() {
            return boards.stream().allMatch(b -> b.missing() == 0 && b.different() == 0 && b.ledgerOnly() == 0);
        }
    }

    private record Key(Board board, String source) {
    }

    private record Stored(long userId, LocalDate day, BigDecimal value) {
    }

    @Transactional
    Report rebuild(LocalDate from, LocalDate to, boolean apply) {
        Map<Key, LedgerEntry> expected = new HashMap<>();
        Stream.of(
                customers.obtained(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()),
                followUps.recorded(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()),
                opportunities.created(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()),
                opportunities.won(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()),
                contracts.approved(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()),
                contracts.payments(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()),
                visits.checkedIn(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()),
                leads.converted(from, to).stream().flatMap(e -> BoardListeners.entries(e).stream()))
                .flatMap(s -> s)
                .forEach(e -> expected.putIfAbsent(new Key(e.board(), e.source()), e));
        Map<Key, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT board, source, user_id, business_date, value FROM board_fact"
                + " WHERE business_date BETWEEN :from AND :to")
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    Board board = Board.parse(rs.getString(1)).orElse(null);
                    if (board != null) {
                        stored.put(new Key(board, rs.getString(2)),
                                new Stored(rs.getLong(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)));
                    }
                    return board;
                })
                .list();

        Map<Board, int[]> counts = new EnumMap<>(Board.class);
        for (Board b : Board.values()) {
            counts.put(b, new int[5]);
        }
        List<String> examples = new ArrayList<>();
        List<LedgerEntry> missing = new ArrayList<>();
        expected.forEach((key, e) -> {
            int[] c = counts.get(key.board());
            c[0]++;
            Stored s = stored.get(key);
            if (s == null) {
                c[2]++;
                missing.add(e);
                example(examples, "missing " + key.source() + " (" + key.board() + ", user " + e.userId() + ", "
                        + e.businessDate() + ", " + e.value().toPlainString() + ")");
            } else if (s.userId() != e.userId() || !s.day().equals(e.businessDate())
                    || s.value().compareTo(e.value()) != 0) {
                c[3]++;
                example(examples, "different " + key.source() + " (" + key.board() + "): ledger user " + s.userId()
                        + ", " + s.day() + ", " + s.value().toPlainString() + "; source user " + e.userId() + ", "
                        + e.businessDate() + ", " + e.value().toPlainString());
            }
        });
        stored.forEach((key, s) -> {
            int[] c = counts.get(key.board());
            c[1]++;
            if (!expected.containsKey(key)) {
                c[4]++;
                example(examples, "only in the ledger " + key.source() + " (" + key.board() + ", user " + s.userId()
                        + ", " + s.day() + ", " + s.value().toPlainString() + ")");
            }
        });
        int added = 0;
        if (apply) {
            missing.sort(java.util.Comparator.comparing(LedgerEntry::occurredAt));
            Map<Long, List<TeamSpell>> teams = users.teamHistory(
                    missing.stream().map(LedgerEntry::userId).distinct().toList());
            for (LedgerEntry e : missing) {
                added += ledger.record(atTheTime(e, teams.getOrDefault(e.userId(), List.of()))) ? 1 : 0;
            }
        }
        List<BoardCheck> boards = counts.entrySet().stream()
                .map(x -> new BoardCheck(x.getKey(), x.getValue()[0], x.getValue()[1], x.getValue()[2],
                        x.getValue()[3], x.getValue()[4]))
                .toList();
        return new Report(from, to, boards, examples, added);
    }

    /** The entry credited to the team its user belonged to when it happened, where the history knows it. */
    static LedgerEntry atTheTime(LedgerEntry e, List<TeamSpell> history) {
        return TeamSpell.at(history, e.occurredAt())
                .map(s -> new LedgerEntry(e.board(), e.userId(), s.teamId(), e.businessDate(), e.value(),
                        e.customerId(), e.recordId(), e.label(), e.source(), e.occurredAt()))
                .orElse(e);
    }

    private static void example(List<String> examples, String line) {
        if (examples.size() < EXAMPLES) {
            examples.add(line);
        }
    }
}
