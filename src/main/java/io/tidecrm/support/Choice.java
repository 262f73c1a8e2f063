package io.tidecrm.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One option of a select: the value it sends and its label, as text or as the key of a message
 * in the bundles. The filter-select fragment ({@code fragments/filters :: filterSelect}, written by
 * {@code web.SelectOptions}) takes options as enum values (labelled from the bundles by a key
 * prefix), as text, or as choices made here (users by id and name, say).
 *
 * @param messageKey the label's message key, or null to show {@code label} as it is
 */
public record Choice(String value, String label, String messageKey) {

    /** Choices from any items: the value and the label (shown as it is) of each. */
    public static <T> List<Choice> of(Collection<T> items, Function<? super T, ?> value, Function<? super T, String> label) {
        return items.stream().map(item -> new Choice(String.valueOf(value.apply(item)), label.apply(item), null)).toList();
    }

    /** Whether this is the current value of the filter (an enum by its name, anything else as text). */
    public boolean isSelected(Object current) {
        return current != null && value.equals(current instanceof Enum<?> e ? e.name() : current.toString());
    }

    /**
     * The options of a select as choices: choices as they are; enum values by name and other items
     * as text, labelled by the message {@code labels + value}, or by the value itself when
     * {@code labels} is null ({@code web.SelectOptions} writes them).
     */
    public static List<Choice> optionsOf(Object options, String labels) {
        Collection<?> items = options instanceof Object[] array ? Arrays.asList(array)
                : options instanceof Collection<?> collection ? collection : List.of();
        return items.stream().filter(Objects::nonNull).map(item -> choice(item, labels)).toList();
    }

    private static Choice choice(Object item, String labels) {
        if (item instanceof Choice choice) {
            return choice;
        }
        String value = item instanceof Enum<?> e ? e.name() : item.toString();
        return new Choice(value, value, labels == null ? null : labels + value);
    }
}
