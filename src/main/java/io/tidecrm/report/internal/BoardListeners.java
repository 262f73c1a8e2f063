package io.tidecrm.report.internal;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractSentBack;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.followup.FollowUpRecorded;
import io.tidecrm.sales.OpportunityCreated;
import io.tidecrm.sales.OpportunityWon;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' facts into ledger entries. Each listener runs after the fact's
 * transaction committed, in a transaction of its own, through the event publication registry:
 * a failure here never rolls back a sale, and the delivery is retried until it succeeds.
 * Credits go to the owner (or author) and team carried by the fact, on its business date.
 */
@Component
class BoardListeners {

    private final BoardLedger ledger;

    BoardListeners(BoardLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(PaymentRecorded p) {
        ledger.record(new LedgerEntry(Board.PAYMENTS, p.ownerId(), p.ownerTeamId(), p.businessDate(), p.amount(),
                p.customerId(), p.contractId(), null, "payment:" + p.paymentId(), p.occurredAt()));
    }

    @ApplicationModuleListener
    void on(ContractApproved a) {
        String source = "approved:" + a.contractId() + ":" + a.occurredAt().toEpochMilli();
        ledger.record(new LedgerEntry(Board.CONTRACT_AMOUNT, a.ownerId(), a.ownerTeamId(), a.businessDate(),
                a.amount(), a.customerId(), a.contractId(), a.title(), source, a.occurredAt()));
        ledger.record(LedgerEntry.count(Board.CONTRACTS_APPROVED, a.ownerId(), a.ownerTeamId(), a.businessDate(), 1,
                a.customerId(), a.contractId(), a.title(), source, a.occurredAt()));
    }

    /** The approval no longer holds: withdrawn on the day of the edit, never on the day it was given. */
    @ApplicationModuleListener
    void on(ContractSentBack s) {
        String source = "sent-back:" + s.contractId() + ":" + s.occurredAt().toEpochMilli();
        ledger.record(new LedgerEntry(Board.CONTRACT_AMOUNT, s.ownerId(), s.ownerTeamId(), s.businessDate(),
                s.approvedAmount().negate(), s.customerId(), s.contractId(), s.title(), source, s.occurredAt()));
        ledger.record(LedgerEntry.count(Board.CONTRACTS_APPROVED, s.ownerId(), s.ownerTeamId(), s.businessDate(), -1,
                s.customerId(), s.contractId(), s.title(), source, s.occurredAt()));
    }

    @ApplicationModuleListener
    void on(CustomerObtained o) {
        switch (o.kind()) {
            case CREATED, IMPORTED, CONVERTED -> ledger.record(LedgerEntry.count(Board.NEW_CUSTOMERS, o.ownerId(),
                    o.ownerTeamId(), o.businessDate(), 1, o.customerId(), o.customerId(), o.customerName(),
                    "new:" + o.customerId(), o.occurredAt()));
            case GRABBED -> ledger.record(LedgerEntry.count(Board.POOL_GRABBED, o.ownerId(), o.ownerTeamId(),
                    o.businessDate(), 1, o.customerId(), o.customerId(), o.customerName(),
                    "grab:" + o.customerId() + ":" + o.occurredAt().toEpochMilli(), o.occurredAt()));
            default -> {
                // assigned by a manager or transferred: not the rep's own catch
            }
        }
    }

    /** Corrections do not count; the distinct board counts one entry per author, customer and day. */
    @ApplicationModuleListener
    void on(FollowUpRecorded f) {
        if (f.correction()) {
            return;
        }
        ledger.record(LedgerEntry.count(Board.FOLLOW_UPS, f.authorId(), f.authorTeamId(), f.businessDate(), 1,
                f.customerId(), f.customerId(), f.customerName(), "follow-up:" + f.followUpId(), f.occurredAt()));
        ledger.record(LedgerEntry.count(Board.CUSTOMERS_FOLLOWED, f.authorId(), f.authorTeamId(), f.businessDate(),
                1, f.customerId(), f.customerId(), f.customerName(),
                "followed:" + f.authorId() + ":" + f.customerId() + ":" + f.businessDate(), f.occurredAt()));
    }

    @ApplicationModuleListener
    void on(OpportunityCreated o) {
        ledger.record(LedgerEntry.count(Board.OPPORTUNITIES_CREATED, o.ownerId(), o.ownerTeamId(), o.businessDate(),
                1, o.customerId(), o.opportunityId(), o.name(), "opportunity:" + o.opportunityId(), o.occurredAt()));
    }

    @ApplicationModuleListener
    void on(OpportunityWon w) {
        ledger.record(LedgerEntry.count(Board.OPPORTUNITIES_WON, w.ownerId(), w.ownerTeamId(), w.businessDate(), 1,
                w.customerId(), w.opportunityId(), w.name(),
                "won:" + w.opportunityId() + ":" + w.occurredAt().toEpochMilli(), w.occurredAt()));
    }
}
