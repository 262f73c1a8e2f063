package io.tidecrm.support;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list that is paged by key ("after the last row of this page") rather than by
 * offset, so that a page deep in a long list costs as little as the first and rows that arrive
 * meanwhile do not shift the pages. Every list of the application answers with this type, and
 * every list page takes the next page's position back as the {@value ListQuery#CURSOR}
 * parameter (see {@link ListQuery}, the pager fragment and {@link PageLinks}).
 *
 * @param items the rows of this page, in the list's order
 * @param next the cursor of the next page, opaque to the page: made and read by the query's
 *        {@link KeysetOrder}; null on the last page
 */
public record KeysetPage<T>(List<T> items, String next) {

    public KeysetPage {
        items = List.copyOf(items);
    }

    /**
     * The page from rows that a query fetched with a limit of {@code pageSize + 1} in a list
     * ordered by id alone: the extra row only tells that a next page exists.
     */
    public static <T> KeysetPage<T> of(List<T> rows, int pageSize, ToLongFunction<T> id) {
        return withCursors(rows, pageSize, row -> KeysetOrder.idCursor(id.applyAsLong(row)));
    }

    /**
     * The same for any order: {@code cursorOf} makes the cursor of a row (see
     * {@link KeysetOrder#cursorOf(long, String)}).
     */
    public static <T> KeysetPage<T> withCursors(List<T> rows, int pageSize, Function<T, String> cursorOf) {
        if (rows.size() <= pageSize) {
            return new KeysetPage<>(rows, null);
        }
        List<T> items = rows.subList(0, pageSize);
        return new KeysetPage<>(items, cursorOf.apply(items.get(pageSize - 1)));
    }

    /**
     * The same page with its rows completed or converted as a whole (names looked up for this
     * page's rows only, say), the cursor unchanged.
     */
    public <R> KeysetPage<R> map(Function<List<T>, List<R>> rows) {
        return new KeysetPage<>(rows.apply(items), next);
    }

    public boolean hasNext() {
        return next != null;
    }
}
