package io.tidecrm.report.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The leaderboard's boards (SPEC "Leaderboard and reports"), each one ranking. Boards for
 * capabilities that do not exist yet (tickets) join when those modules land.
 */
enum Board {
    /** 回款金额: payments received, on the day of entry; the main board. */
    PAYMENTS(true, false, "contract"),
    /** 合同金额: approved contract amount; a send-back subtracts on its own day. */
    CONTRACT_AMOUNT(true, false, "contract"),
    /** 签约数: contracts approved (a send-back counts −1, the re-approval +1). */
    CONTRACTS_APPROVED(false, false, "contract"),
    /** New customers: created, imported or converted from a lead. */
    NEW_CUSTOMERS(false, false, "customer"),
    /** Customers grabbed from the public pool. */
    POOL_GRABBED(false, false, "customer"),
    /** Follow-ups written (corrections do not count). */
    FOLLOW_UPS(false, false, "customer"),
    /** Distinct customers followed up in the period. */
    CUSTOMERS_FOLLOWED(false, true, "customer"),
    /** Visits checked in at the customer (a flagged check-in counts too; its flag is on the visit). */
    VISITS(false, false, "customer"),
    /** Leads converted into a customer (or attached to one), credited to the lead's owner. */
    LEADS_CONVERTED(false, false, "customer"),
    OPPORTUNITIES_CREATED(false, false, "opportunity"),
    OPPORTUNITIES_WON(false, false, "opportunity");

    private final boolean money;
    private final boolean distinct;
    private final String recordKind;

    Board(boolean money, boolean distinct, String recordKind) {
        this.money = money;
        this.distinct = distinct;
        this.recordKind = recordKind;
    }

    /** Whether the figure is an amount of money (else a count). */
    public boolean money() {
        return money;
    }

    /**
     * Whether the figure counts distinct customers over the whole period, which is not the sum of
     * the days' figures: read from the ledger, not the rollups.
     */
    public boolean distinct() {
        return distinct;
    }

    /** What the drill-down links a fact to: a contract, a customer or an opportunity. */
    public String recordKind() {
        return recordKind;
    }

    /** Whether targets may be set for this board. */
    public boolean targetable() {
        return this == PAYMENTS || this == CONTRACT_AMOUNT || this == NEW_CUSTOMERS;
    }

    static Optional<Board> parse(String code) {
        return Arrays.stream(values()).filter(b -> b.name().equalsIgnoreCase(code == null ? "" : code.trim()))
                .findFirst();
    }
}
