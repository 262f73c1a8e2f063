package io.tidecrm.contract.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of contracts waiting for the viewer's decision, for the header (fragment {@code contract/fragments :: navItem}). */
@ControllerAdvice
class PendingApprovalsAdvice {

    static final String ATTRIBUTE = "pendingApprovals";

    private static final Logger log = LoggerFactory.getLogger(PendingApprovalsAdvice.class);

    private final ContractQueries queries;

    PendingApprovalsAdvice(ContractQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute(ATTRIBUTE)
    long pendingApprovals(@AuthenticationPrincipal CurrentUser user) {
        if (user == null || user.role() == Role.REP) {
            return 0;
        }
        try {
            return queries.pendingCount(user);
        } catch (DataAccessException | TransactionException e) {
            // The badge must not take down the page, least of all the error page of a database outage.
            log.warn("Could not count the pending approvals of user {}: {}", user.id(), e.getMessage());
            return 0;
        }
    }
}
