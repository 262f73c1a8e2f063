package io.tidecrm.support;

import java.util.List;

/**
 * The filters and page position of a list page, read from the URL so that a filtered page can be
 * bookmarked and shared. A list query is a record bound by Spring ({@code @ModelAttribute},
 * constructor binding, the application's converters), leniently: a value that does not convert
 * is left out, never an error page (see {@link ListQueryBinding}). Its page position is the
 * {@value #CURSOR} of a {@link KeysetPage}.
 */
public interface ListQuery {

    /** The one name of the page position in the URL of every list. */
    String CURSOR = "cursor";

    /**
     * The names the page position had in the URLs of earlier versions (lists by id used
     * {@code before}, the customer and contact lists {@code after}); bookmarks that carry one
     * still open the same page.
     */
    List<String> OLD_CURSOR_NAMES = List.of("before", "after");

    /**
     * The cursor of the page to show (see {@link KeysetPage#next()}), or null for the first; a
     * record with a {@code cursor} component answers it, a filter of an unpaged view has none.
     */
    default String cursor() {
        return null;
    }
}
