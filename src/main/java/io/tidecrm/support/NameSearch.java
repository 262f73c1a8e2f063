package io.tidecrm.support;

import java.util.Map;

/**
 * The SQL condition of a name search, shared by every list that searches names. From two
 * characters on the term is looked up in the name's bigram GIN index (migration V9, function
 * {@code tidecrm_bigrams}; most Chinese searches are two characters, where trigrams see
 * nothing) and confirmed with {@code strpos}, case folded. A single character cannot use an
 * n-gram index and falls back to {@code ILIKE}. Values are bound, never concatenated.
 */
public final class NameSearch {

    private NameSearch() {
    }

    /** Adds the parameters {@code term} or {@code likeTerm} and returns the condition on {@code column}. */
    public static String condition(String column, String term, Map<String, Object> params) {
        if (term.codePointCount(0, term.length()) < 2) {
            params.put("likeTerm", "%" + escapeLike(term) + "%");
            return column + " ILIKE :likeTerm ESCAPE '\\'";
        }
        params.put("term", term);
        // strpos first: exact and cheap, and it keeps the planner's estimate honest.
        return "(strpos(lower(" + column + "), lower(:term)) > 0 AND tidecrm_bigrams(" + column
                + ") @> tidecrm_bigrams(CAST(:term AS text)))";
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
