package io.tidecrm.sales.internal;

import java.util.Arrays;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/**
 * The stages of the sales-process policy (seed 004, 篇2): S1 线索, S2 机会确认, S3 方案设计,
 * S4 方案确认/报价, S5 商务谈判, and S6 closed as 赢单 (won) or 输单 (lost), each with its
 * default win probability.
 *
 * <p>Moves between stages:
 * <ul>
 * <li>an open opportunity (S1–S5) moves to any other open stage, forward or back, or closes as
 * won or lost;</li>
 * <li>lost needs a reason;</li>
 * <li>a closed opportunity does not move to the other closed stage, and only a manager or an
 * administrator reopens it into an open stage (the lost reason is then cleared).</li>
 * </ul>
 * Every move sets the probability to the new stage's default; the edit form may change it
 * while the opportunity is open.
 */
public enum Stage {
    /** S1 */ LEAD(10),
    /** S2 */ QUALIFIED(20),
    /** S3 */ SOLUTION(40),
    /** S4 */ PROPOSAL(60),
    /** S5 */ NEGOTIATION(80),
    /** S6 */ WON(100),
    /** S6 */ LOST(0);

    private final int defaultProbability;

    Stage(int defaultProbability) {
        this.defaultProbability = defaultProbability;
    }

    public int defaultProbability() {
        return defaultProbability;
    }

    public boolean isClosed() {
        return this == WON || this == LOST;
    }

    public boolean isOpen() {
        return !isClosed();
    }

    static List<Stage> open() {
        return Arrays.stream(values()).filter(Stage::isOpen).toList();
    }

    /** Why {@code viewer} may not move from this stage to {@code target}: a message key, or null when allowed. */
    String refusalOfMoveTo(Stage target, CurrentUser viewer) {
        if (isOpen()) {
            return null;
        }
        if (target.isClosed()) {
            return "opportunity.stage.closedToClosed";
        }
        return viewer.isAdmin() || viewer.isManager() ? null : "opportunity.stage.reopenByManager";
    }

    /** The stages {@code viewer} may move an opportunity in this stage to, for the stage form. */
    List<Stage> targetsFor(CurrentUser viewer) {
        return Arrays.stream(values()).filter(t -> t != this && refusalOfMoveTo(t, viewer) == null).toList();
    }
}
