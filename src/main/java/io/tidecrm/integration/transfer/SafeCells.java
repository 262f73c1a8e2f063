package io.tidecrm.integration.transfer;

/**
 * Text for a cell that a spreadsheet opens: text starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be run as a formula (CSV injection), so it gets a
 * leading apostrophe and is shown as the text it is.
 */
final class SafeCells {

    private SafeCells() {
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
