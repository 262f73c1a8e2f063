package io.tidecrm.contract.internal;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which line rows the contract form shows: the rows it was given (bound, with their errors and
 * input), then a few empty ones so that lines can be added without a script.
 *
 * @param bound indexes of the submitted or saved rows
 * @param blank indexes of the empty rows after them
 */
public record ContractLineRows(List<Integer> bound, List<Integer> blank) {

    private static final Pattern LINE_PARAM = Pattern.compile("^lines\\[(\\d{1,3})]\\.");
    private static final int MIN_ROWS = 3;
    private static final int MIN_BLANK_ROWS = 2;

    /**
     * From the form, or when the submitted input could not even build one (the form is null
     * then), from the names of the request parameters. Gaps in the indexes are skipped.
     */
    static ContractLineRows of(ContractForm form, Iterable<String> parameterNames) {
        TreeSet<Integer> bound = new TreeSet<>();
        long blanks = 0;
        if (form != null) {
            List<ContractLineForm> rows = form.rows();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != null) {
                    bound.add(i);
                    blanks += rows.get(i).isBlank() ? 1 : 0;
                }
            }
        } else {
            for (String name : parameterNames) {
                Matcher m = LINE_PARAM.matcher(name);
                if (m.find() && Integer.parseInt(m.group(1)) < ContractForm.MAX_LINES) {
                    bound.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        int next = bound.isEmpty() ? 0 : bound.last() + 1;
        int wanted = (int) Math.max(Math.max(MIN_BLANK_ROWS - blanks, MIN_ROWS - bound.size()), 0);
        int room = Math.max(ContractForm.MAX_LINES - next, 0);
        return new ContractLineRows(List.copyOf(bound),
                IntStream.range(next, next + Math.min(wanted, room)).boxed().toList());
    }
}
