package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractSentBack;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Deliveries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A hand-built data set for the boards: facts published as the other modules publish them (in
 * a transaction, delivered after commit to the report module's listeners), dated by hand.
 */
class LedgerFixtures {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final Deliveries deliveries;

    LedgerFixtures(ApplicationEventPublisher publisher, TransactionTemplate tx, Deliveries deliveries) {
        this.publisher = publisher;
        this.tx = tx;
        this.deliveries = deliveries;
    }

    static long id() {
        return IDS.incrementAndGet();
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZONE).toInstant();
    }

    void publish(Object... events) {
        tx.executeWithoutResult(s -> {
            for (Object event : events) {
                publisher.publishEvent(event);
            }
        });
        deliveries.awaitAll();
    }

    /** A payment of the rep (in the given team that day) entered on the day. */
    void payment(CurrentUser rep, Long teamId, LocalDate day, String amount, long customerId) {
        publish(new PaymentRecorded(id(), id(), customerId, rep.id(), teamId, new BigDecimal(amount), day, null,
                rep.id(), noon(day), day));
    }

    void approved(long contractId, CurrentUser owner, LocalDate day, String amount, long customerId) {
        publish(new ContractApproved(contractId, "合同" + contractId, customerId, "客户", owner.id(), owner.teamId(),
                owner.id(), owner.id(), new BigDecimal(amount), null, noon(day), day));
    }

    void sentBack(long contractId, CurrentUser owner, LocalDate day, String approvedAmount, String newAmount,
            long customerId) {
        publish(new ContractSentBack(contractId, "合同" + contractId, customerId, owner.id(), owner.teamId(),
                new BigDecimal(approvedAmount), new BigDecimal(newAmount), owner.id(), noon(day).plusSeconds(60), day));
    }

    void newCustomer(CurrentUser owner, LocalDate day, long customerId) {
        publish(new CustomerObtained(customerId, "客户" + customerId, CustomerType.A, owner.id(), owner.teamId(), null,
                OwnerChangeKind.CREATED, owner.id(), noon(day), day));
    }
}
