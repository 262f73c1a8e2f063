package io.tidecrm.support;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a list that is paged by key ("older than id X") rather than by offset, so that
 * a page deep in a long list costs as little as the first and rows that arrive meanwhile do
 * not shift the pages.
 *
 * @param items the rows of this page, newest first
 * @param olderBefore the key that asks for the next, older page; null on the last page
 */
public record KeysetPage<T>(List<T> items, Long olderBefore) {

    /**
     * The page from rows that a query fetched with a limit of {@code pageSize + 1}: the extra
     * row only tells that an older page exists.
     */
    public static <T> KeysetPage<T> of(List<T> rows, int pageSize, ToLongFunction<T> key) {
        if (rows.size() <= pageSize) {
            return new KeysetPage<>(rows, null);
        }
        List<T> items = List.copyOf(rows.subList(0, pageSize));
        return new KeysetPage<>(items, key.applyAsLong(items.get(pageSize - 1)));
    }
}
