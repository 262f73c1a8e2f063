package io.tidecrm.customer.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.BulkOutcome;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.Where;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager transfers several customers at once: each one exactly as the single transfer
 * ({@link CustomerOwnership#transfer}, the receiver's cap checked under their lock), each in its
 * own transaction, so that one refusal (the cap reached halfway) does not undo the others.
 * Customers outside the manager's scope refuse the whole request before anything changes, the
 * same 404 as one customer out of scope.
 */
@Service
class BulkTransfer {

    /** The most customers one request transfers (a page of the list is 20). */
    static final int MAX = 100;

    private final CustomerOwnership ownership;
    private final CustomerDirectory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate eachOwn;

    BulkTransfer(CustomerOwnership ownership, CustomerDirectory directory, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.ownership = ownership;
        this.directory = directory;
        this.jdbc = jdbc;
        this.eachOwn = new TransactionTemplate(transactions);
        this.eachOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One outcome per customer, in the order given (duplicates once). */
    List<BulkOutcome> transfer(List<Long> ids, long targetUserId, String reason, CurrentUser user) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Reps cannot transfer customers");
        }
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty() || distinct.size() > MAX) {
            throw new RuleViolation("ids", "customer.bulk.count", MAX);
        }
        Map<Long, String> names = visibleNames(distinct, user);
        if (names.size() != distinct.size()) {
            throw new CustomerNotFoundException();
        }
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (Long id : distinct) {
            String name = names.get(id);
            try {
                eachOwn.executeWithoutResult(status -> ownership.transfer(id, targetUserId, reason, user));
                outcomes.add(BulkOutcome.done(name));
            } catch (RuleViolation e) {
                outcomes.add(BulkOutcome.refused(name, e.messageKey(), e.args()));
            } catch (OptimisticLockingFailureException e) {
                outcomes.add(BulkOutcome.refused(name, "form.staleVersion"));
            } catch (CustomerNotFoundException e) {
                // Moved out of the manager's scope meanwhile.
                outcomes.add(BulkOutcome.refused(name, "customer.bulk.gone"));
            }
        }
        return outcomes;
    }

    private Map<Long, String> visibleNames(List<Long> ids, CurrentUser user) {
        Where where = directory.scopeCondition("c", user).where().in("c.id", "ids", ids);
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT c.id, c.name FROM customer c WHERE " + where.sql())
                .params(where.params())
                .query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name")))
                .list();
        return names;
    }
}
