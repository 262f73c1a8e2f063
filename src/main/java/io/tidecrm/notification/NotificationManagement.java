package io.tidecrm.notification;

/** The inbox as other modules and the page header see it. */
public interface NotificationManagement {

    /** How many notifications of this user are not read yet. */
    long unreadCount(long userId);
}
