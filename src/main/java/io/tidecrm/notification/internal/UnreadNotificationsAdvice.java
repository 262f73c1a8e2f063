package io.tidecrm.notification.internal;

import io.tidecrm.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count for the badge in the page header (fragment {@code notification/fragments :: navItem}). */
@ControllerAdvice
class UnreadNotificationsAdvice {

    static final String ATTRIBUTE = "unreadNotifications";

    private static final Logger log = LoggerFactory.getLogger(UnreadNotificationsAdvice.class);

    private final Inbox inbox;

    UnreadNotificationsAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute(ATTRIBUTE)
    long unreadNotifications(@AuthenticationPrincipal CurrentUser user) {
        if (user == null) {
            return 0;
        }
        try {
            return inbox.unreadCount(user.id());
        } catch (DataAccessException | TransactionException e) {
            // The badge must not take down the page, least of all the error page of a database outage.
            log.warn("Could not count unread notifications of user {}: {}", user.id(), e.getMessage());
            return 0;
        }
    }
}
