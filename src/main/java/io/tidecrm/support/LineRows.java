package io.tidecrm.support;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which rows a form with a list named {@code lines} shows: the rows it was given (bound, with
 * their errors and input), then a few empty ones so that lines can be added without a script.
 *
 * @param bound indexes of the submitted or saved rows
 * @param blank indexes of the empty rows after them
 */
public record LineRows(List<Integer> bound, List<Integer> blank) {

    private static final Pattern LINE_PARAM = Pattern.compile("^lines\\[(\\d{1,3})]\\.");
    private static final int MIN_ROWS = 3;
    private static final int MIN_BLANK_ROWS = 2;

    /**
     * From the form's rows, or when the submitted input could not even build a form (the rows
     * are null then, and the binding result holds the input), from the names of the request
     * parameters. Gaps in the indexes are skipped.
     *
     * @param rows the form's rows, a gap bound as a null entry; null when there is no form
     * @param isBlank whether a row was left empty
     * @param maxRows how many rows the form takes at the most
     */
    public static <T> LineRows of(List<T> rows, Predicate<? super T> isBlank, int maxRows,
            Iterable<String> parameterNames) {
        TreeSet<Integer> bound = new TreeSet<>();
        long blanks = 0;
        if (rows != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != null) {
                    bound.add(i);
                    blanks += isBlank.test(rows.get(i)) ? 1 : 0;
                }
            }
        } else {
            for (String name : parameterNames) {
                Matcher m = LINE_PARAM.matcher(name);
                if (m.find() && Integer.parseInt(m.group(1)) < maxRows) {
                    bound.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        int next = bound.isEmpty() ? 0 : bound.last() + 1;
        int wanted = (int) Math.max(Math.max(MIN_BLANK_ROWS - blanks, MIN_ROWS - bound.size()), 0);
        int room = Math.max(maxRows - next, 0);
        return new LineRows(List.copyOf(bound), IntStream.range(next, next + Math.min(wanted, room)).boxed().toList());
    }
}
