package io.tidecrm.notification.internal;

import java.time.ZonedDateTime;
import java.util.List;

/** One line of the inbox: a message key with its arguments, rendered in the reader's language. */
record NotificationView(long id, String kind, String messageKey, List<String> args, String link,
        ZonedDateTime createdAt, boolean read) {

    /** The arguments for the message of the key; public for the template expression. */
    public Object[] argArray() {
        return args.toArray();
    }
}
