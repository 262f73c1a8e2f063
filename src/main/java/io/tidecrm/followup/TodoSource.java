package io.tidecrm.followup;

import java.time.LocalDate;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/**
 * Things on a user's to-do page that another module owns (the return visits of the service
 * module), shown as a card of their own beside the customers due for follow-up. The supplying
 * module reads them in its own tables, inside the user's scope.
 */
public interface TodoSource {

    /** The message key of the card's heading; {@code <titleKey>.none} says there is nothing. */
    String titleKey();

    /** The user's open items, soonest due first, at most {@code limit}. */
    List<TodoItem> itemsOf(CurrentUser user, int limit);

    /**
     * @param path the page where the item is done
     * @param labelKey the message key of what is to be done, with {@code labelArgs}
     * @param overdue whether its due date has passed
     */
    record TodoItem(String path, String customerName, String labelKey, List<Object> labelArgs, LocalDate dueDate,
            boolean overdue) {
    }
}
