package io.tidecrm.audit.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.function.Function;

import io.tidecrm.audit.ApiCalled;
import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractRejected;
import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.CustomersImported;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit log from events. Business changes are recorded in the transaction of the
 * change (if the entry cannot be written, the change does not happen either): these are plain
 * {@code @EventListener}s on purpose, not after-commit {@code @ApplicationModuleListener}s, because
 * an audited change and its audit entry must commit together. Sign-ins are
 * recorded in a transaction of their own, and a failure to record one is logged but never
 * stops the sign-in.
 */
@Component
class AuditRecorder {

    static final int MAX_TYPED_NAME = 100;

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditLog audit;
    private final UserManagement users;
    private final TransactionTemplate ownTransaction;

    AuditRecorder(AuditLog audit, UserManagement users, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.users = users;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every successful authentication, by form or by remember-me cookie. */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        Long actorId = authentication.getPrincipal() instanceof CurrentUser user ? user.id() : null;
        appendOnItsOwn(AuditKind.SIGN_IN, actorId, authentication.getName(), null, "method=" + method(authentication));
    }

    /** Every refused sign-in: the name as typed (never the password) and why it was refused. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        appendOnItsOwn(AuditKind.SIGN_IN_FAILED, null, null,
                AuditLog.clean(event.getAuthentication().getName(), MAX_TYPED_NAME),
                event.getException().getClass().getSimpleName());
    }

    /**
     * A call of the REST API (module integration), after its answer: in a transaction of its own,
     * like a sign-in, so that a failure to write it is logged but never changes the answer.
     */
    @EventListener
    void on(ApiCalled event) {
        try {
            ownTransaction.executeWithoutResult(status -> audit.append(AuditKind.API_CALL, event.calledAt(),
                    event.userId(), event.username(), event.method() + " " + event.target(),
                    "token=" + event.tokenName() + " status=" + event.status()));
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry of the API call {} {}", event.method(), event.target(), e);
        }
    }

    @EventListener
    void on(CustomerOwnerChanged event) {
        append(event, this::username);
    }

    /** An import's customers, each as its own owner change (the usernames looked up once per batch). */
    @EventListener
    void on(CustomersImported event) {
        Set<Long> ids = new HashSet<>();
        ids.add(event.importedById());
        event.customers().forEach(c -> ids.add(c.ownerId()));
        ids.remove(null);
        Map<Long, UserSummary> named = users.findUsers(ids);
        event.ownerChanges().forEach(change -> append(change, id -> id == null || !named.containsKey(id) ? null
                : named.get(id).username()));
    }

    private void append(CustomerOwnerChanged event, Function<Long, String> usernames) {
        String details = "kind=" + event.kind() + " from=" + user(event.previousOwnerId(), usernames) + " to="
                + user(event.newOwnerId(), usernames) + (event.reason() == null ? "" : " reason=" + event.reason());
        audit.append(AuditKind.OWNER_CHANGED, event.changedAt(), event.changedById(),
                usernames.apply(event.changedById()), event.customerName() + " (#" + event.customerId() + ")", details);
    }

    @EventListener
    void on(RuleChanged event) {
        audit.append(AuditKind.RULE_CHANGED, event.changedAt(), event.changedById(), username(event.changedById()),
                event.rule(), Objects.toString(event.previousValue(), "-") + " → " + Objects.toString(event.newValue(), "-"));
    }

    private void appendOnItsOwn(AuditKind kind, Long actorId, String actorName, String subject, String details) {
        try {
            ownTransaction.executeWithoutResult(status -> audit.append(kind, null, actorId, actorName, subject, details));
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry {} for actor {} / subject {}", kind, actorName, subject, e);
        }
    }

    private static String method(Authentication authentication) {
        if (authentication instanceof RememberMeAuthenticationToken) {
            return "remember-me";
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken) {
            return "password";
        }
        return authentication.getClass().getSimpleName();
    }

    private String username(Long userId) {
        return userId == null ? null : users.findUser(userId).map(UserSummary::username).orElse(null);
    }

    /** A user as the details name them: username and id, or "-" for none (the pool, a new customer). */
    private static String user(Long userId, Function<Long, String> usernames) {
        if (userId == null) {
            return "-";
        }
        return Objects.toString(usernames.apply(userId), "?") + "(#" + userId + ")";
    }

    /**
     * Every approval decision on a contract (module contract). A plain listener on purpose, in
     * the transaction of the decision: an audited change and its audit entry commit together or
     * not at all, so there is never a decision without its entry (nor an entry for a decision
     * that rolled back).
     */
    @EventListener
    void on(ContractApproved event) {
        decided(event.occurredAt(), event.approvedById(), event.title(), event.contractId(), event.customerName(),
                "APPROVED", event.submitterId(), event.comment());
    }

    /** Same as for an approval: in the transaction of the decision. */
    @EventListener
    void on(ContractRejected event) {
        decided(event.occurredAt(), event.rejectedById(), event.title(), event.contractId(), event.customerName(),
                "REJECTED", event.submitterId(), event.comment());
    }

    private void decided(java.time.Instant at, long deciderId, String title, long contractId, String customerName,
            String decision, long submitterId, String comment) {
        audit.append(AuditKind.APPROVAL_DECIDED, at, deciderId, username(deciderId),
                title + " (contract #" + contractId + ", " + customerName + ")",
                "decision=" + decision + " submitter=" + user(submitterId, this::username)
                        + (comment == null ? "" : " comment=" + comment));
    }
}
