package io.tidecrm.pool.internal;

import java.util.ArrayList;
import java.util.List;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.BulkOutcome;
import io.tidecrm.support.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager assigns several pool customers to one rep: each exactly as the single assignment
 * ({@link PoolService#assign}: grab-back ban, the rep's cap under their lock, only while still in
 * the pool), each in its own transaction, so that one refusal does not undo the others. An id
 * the manager may not read refuses the whole request (404) before anything changes.
 */
@Service
class BulkAssign {

    static final int MAX = 100;

    private final PoolService pool;
    private final CustomerManagement customers;
    private final TransactionTemplate eachOwn;

    BulkAssign(PoolService pool, CustomerManagement customers, PlatformTransactionManager transactions) {
        this.pool = pool;
        this.customers = customers;
        this.eachOwn = new TransactionTemplate(transactions);
        this.eachOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    List<BulkOutcome> assign(List<Long> ids, long repId, CurrentUser by) {
        if (by.role() == Role.REP) {
            throw new AccessDeniedException("Only managers and administrators assign pool customers");
        }
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty() || distinct.size() > MAX) {
            throw new RuleViolation("ids", "customer.bulk.count", MAX);
        }
        // Each one readable first (a pool customer, or one in the manager's scope): else 404, nothing changed.
        List<CustomerRef> refs = distinct.stream().map(id -> customers.findReadable(id, by)).toList();
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (CustomerRef ref : refs) {
            try {
                eachOwn.executeWithoutResult(status -> pool.assign(ref.id(), repId, by));
                outcomes.add(BulkOutcome.done(ref.name()));
            } catch (RuleViolation e) {
                outcomes.add(BulkOutcome.refused(ref.name(), e.messageKey(), e.args()));
            } catch (OptimisticLockingFailureException e) {
                outcomes.add(BulkOutcome.refused(ref.name(), "form.staleVersion"));
            }
        }
        return outcomes;
    }
}
