package io.tidecrm.support;

import java.util.Locale;

/**
 * One record found by the global search: what to show and where it links. Each module answers
 * for its own records inside the viewer's scope and returns these; the search page groups them.
 *
 * @param title the record's name, shown as text (never markup)
 * @param detail a second line (the customer of a contact, a mobile), or null
 * @param href a path inside the application, such as {@code /customers/42}
 */
public record SearchHit(String title, String detail, String href) {

    /** The longest search term that is looked up; longer input is cut. */
    public static final int MAX_TERM = 100;

    /**
     * The term to look up, without control characters, stripped and cut to {@link #MAX_TERM}, or null when it is too short to
     * search (fewer than two characters: a single character cannot use the name's bigram index).
     */
    public static String usableTerm(String q) {
        if (q == null) {
            return null;
        }
        // Control characters (a NUL that PostgreSQL refuses in text, pasted tabs) count as spaces.
        String term = q.replaceAll("\\p{Cntrl}", " ").strip();
        if (term.codePointCount(0, term.length()) > MAX_TERM) {
            term = term.substring(0, term.offsetByCodePoints(0, MAX_TERM));
        }
        return term.codePointCount(0, term.length()) < 2 ? null : term;
    }

    /** {@code term%} for a LIKE prefix match, with LIKE's wildcards escaped (use {@code ESCAPE '\'}). */
    public static String prefix(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The term as a unified social credit code is written (upper case). */
    public static String upper(String term) {
        return term.toUpperCase(Locale.ROOT);
    }
}
