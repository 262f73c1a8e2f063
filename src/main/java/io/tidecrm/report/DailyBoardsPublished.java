package io.tidecrm.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The evening push of the day's leaderboard (default 21:00), one per team: the company's top
 * five of each main board and the team's total, for the team's members (inbox) and its group
 * robot. Published once per scheduled run, in the transaction that records the run as done.
 *
 * @param memberIds the team's enabled members, who get it in their inbox
 * @param link the team's day ranking, a path inside the application
 */
public record DailyBoardsPublished(LocalDate day, long teamId, String teamName, Set<Long> memberIds,
        List<BoardTop> boards, String link, Instant publishedAt) {

    /**
     * @param boardKey the message key of the board's name (e.g. {@code report.board.PAYMENTS})
     * @param money whether the figures are amounts in yuan (else counts)
     * @param top at most five, ties sharing a rank; empty when nobody scored
     */
    public record BoardTop(String boardKey, boolean money, List<Entry> top, BigDecimal teamTotal) {
    }

    public record Entry(int rank, long userId, String name, BigDecimal value) {
    }
}
