package io.tidecrm.report.internal;

import java.util.List;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractSentBack;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.customer.CustomerImportUndone;
import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.CustomersImported;
import io.tidecrm.fieldwork.VisitCheckedIn;
import io.tidecrm.followup.FollowUpRecorded;
import io.tidecrm.lead.LeadConverted;
import io.tidecrm.sales.OpportunityCreated;
import io.tidecrm.sales.OpportunityWon;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' facts into ledger entries. Each listener runs after the fact's
 * transaction committed, in a transaction of its own, through the event publication registry:
 * a failure here never rolls back a sale, and the delivery is retried until it succeeds.
 * Credits go to the owner (or author) and team carried by the fact, on its business date. The
 * rebuild derives its entries from the replayed facts with the same {@code entries} methods.
 */
@Component
class BoardListeners {

    private final BoardLedger ledger;

    BoardListeners(BoardLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(PaymentRecorded p) {
        entries(p).forEach(ledger::record);
    }

    @ApplicationModuleListener
    void on(ContractApproved a) {
        entries(a).forEach(ledger::record);
    }

    @ApplicationModuleListener
    void on(ContractSentBack s) {
        entries(s).forEach(ledger::record);
    }

    @ApplicationModuleListener
    void on(CustomerObtained o) {
        entries(o).forEach(ledger::record);
    }

    /** An import's customers, each counted as a new customer like one created through the form. */
    @ApplicationModuleListener
    void on(CustomersImported i) {
        ledger.recordAll(i.obtained().stream().flatMap(o -> entries(o).stream()).toList());
    }

    /** An undone import's customers never were new customers: their entries are taken back. */
    @ApplicationModuleListener
    void on(CustomerImportUndone u) {
        u.removedCustomerIds().forEach(id -> ledger.withdraw(Board.NEW_CUSTOMERS, "new:" + id, "undone:" + id));
    }

    @ApplicationModuleListener
    void on(FollowUpRecorded f) {
        entries(f).forEach(ledger::record);
    }

    @ApplicationModuleListener
    void on(VisitCheckedIn v) {
        entries(v).forEach(ledger::record);
    }

    @ApplicationModuleListener
    void on(LeadConverted c) {
        entries(c).forEach(ledger::record);
    }

    @ApplicationModuleListener
    void on(OpportunityCreated o) {
        entries(o).forEach(ledger::record);
    }

    @ApplicationModuleListener
    void on(OpportunityWon w) {
        entries(w).forEach(ledger::record);
    }

    static List<LedgerEntry> entries(PaymentRecorded p) {
        return List.of(new LedgerEntry(Board.PAYMENTS, p.ownerId(), p.ownerTeamId(), p.businessDate(), p.amount(),
                p.customerId(), p.contractId(), null, "payment:" + p.paymentId(), p.occurredAt()));
    }

    static List<LedgerEntry> entries(ContractApproved a) {
        String source = "approved:" + a.contractId() + ":" + a.occurredAt().toEpochMilli();
        return List.of(new LedgerEntry(Board.CONTRACT_AMOUNT, a.ownerId(), a.ownerTeamId(), a.businessDate(),
                a.amount(), a.customerId(), a.contractId(), a.title(), source, a.occurredAt()),
                LedgerEntry.count(Board.CONTRACTS_APPROVED, a.ownerId(), a.ownerTeamId(), a.businessDate(), 1,
                        a.customerId(), a.contractId(), a.title(), source, a.occurredAt()));
    }

    /** The approval no longer holds: withdrawn on the day of the edit, never on the day it was given. */
    static List<LedgerEntry> entries(ContractSentBack s) {
        String source = "sent-back:" + s.contractId() + ":" + s.occurredAt().toEpochMilli();
        return List.of(new LedgerEntry(Board.CONTRACT_AMOUNT, s.ownerId(), s.ownerTeamId(), s.businessDate(),
                s.approvedAmount().negate(), s.customerId(), s.contractId(), s.title(), source, s.occurredAt()),
                LedgerEntry.count(Board.CONTRACTS_APPROVED, s.ownerId(), s.ownerTeamId(), s.businessDate(), -1,
                        s.customerId(), s.contractId(), s.title(), source, s.occurredAt()));
    }

    /** Created, imported or converted: a new customer; grabbed: the pool board. Transfers and assignments count on neither. */
    static List<LedgerEntry> entries(CustomerObtained o) {
        return switch (o.kind()) {
            case CREATED, IMPORTED, CONVERTED -> List.of(LedgerEntry.count(Board.NEW_CUSTOMERS, o.ownerId(),
                    o.ownerTeamId(), o.businessDate(), 1, o.customerId(), o.customerId(), o.customerName(),
                    "new:" + o.customerId(), o.occurredAt()));
            case GRABBED -> List.of(LedgerEntry.count(Board.POOL_GRABBED, o.ownerId(), o.ownerTeamId(),
                    o.businessDate(), 1, o.customerId(), o.customerId(), o.customerName(),
                    "grab:" + o.customerId() + ":" + o.occurredAt().toEpochMilli(), o.occurredAt()));
            default -> List.of();
        };
    }

    /** Corrections do not count; the distinct board keeps one entry per author, customer and day. */
    static List<LedgerEntry> entries(FollowUpRecorded f) {
        if (f.correction()) {
            return List.of();
        }
        return List.of(LedgerEntry.count(Board.FOLLOW_UPS, f.authorId(), f.authorTeamId(), f.businessDate(), 1,
                f.customerId(), f.customerId(), f.customerName(), "follow-up:" + f.followUpId(), f.occurredAt()),
                LedgerEntry.count(Board.CUSTOMERS_FOLLOWED, f.authorId(), f.authorTeamId(), f.businessDate(), 1,
                        f.customerId(), f.customerId(), f.customerName(),
                        "followed:" + f.authorId() + ":" + f.customerId() + ":" + f.businessDate(), f.occurredAt()));
    }

    static List<LedgerEntry> entries(VisitCheckedIn v) {
        return List.of(LedgerEntry.count(Board.VISITS, v.userId(), v.teamId(), v.businessDate(), 1, v.customerId(),
                v.customerId(), null, "visit:" + v.visitId(), v.occurredAt()));
    }

    static List<LedgerEntry> entries(LeadConverted c) {
        return List.of(LedgerEntry.count(Board.LEADS_CONVERTED, c.ownerId(), c.ownerTeamId(), c.businessDate(), 1,
                c.customerId(), c.customerId(), c.companyName(), "lead:" + c.leadId(), c.occurredAt()));
    }

    static List<LedgerEntry> entries(OpportunityCreated o) {
        return List.of(LedgerEntry.count(Board.OPPORTUNITIES_CREATED, o.ownerId(), o.ownerTeamId(), o.businessDate(),
                1, o.customerId(), o.opportunityId(), o.name(), "opportunity:" + o.opportunityId(), o.occurredAt()));
    }

    static List<LedgerEntry> entries(OpportunityWon w) {
        return List.of(LedgerEntry.count(Board.OPPORTUNITIES_WON, w.ownerId(), w.ownerTeamId(), w.businessDate(), 1,
                w.customerId(), w.opportunityId(), w.name(),
                "won:" + w.opportunityId() + ":" + w.occurredAt().toEpochMilli(), w.occurredAt()));
    }
}
