package io.tidecrm.web;

import java.util.List;
import java.util.Locale;

import io.tidecrm.support.Choice;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * What a template reads as {@code #options}: the {@code <option>} elements of a filter's select,
 * written in one expression ({@code th:utext="${#options.withAll(options, selected, labels)}"} in
 * {@code fragments/filters.html}). Options are enum values, text or {@link Choice}s, labelled as
 * {@link Choice#optionsOf} says; the current value is selected, and every value and label is
 * escaped. A list page's filter bar holds some 60 options (a rep's tags alone can be 100), and as
 * three expressions each (value, selected, label) they were a fifth of the customer list's template
 * work (issue 14); here each option is a message lookup and a few appends.
 */
public final class SelectOptions {

    private final MessageSource messages;
    private final Locale locale;

    SelectOptions(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The options after an "all" option (empty value), which is selected when nothing else is. */
    public String withAll(Object options, Object selected, String labels) {
        StringBuilder html = new StringBuilder(64 * 16);
        append(html, "", message("choice.all"), false);
        return appendAll(html, options, selected, labels).toString();
    }

    /** The options alone: for a choice that always has a value (a sort order). */
    public String of(Object options, Object selected, String labels) {
        return appendAll(new StringBuilder(64 * 8), options, selected, labels).toString();
    }

    private StringBuilder appendAll(StringBuilder html, Object options, Object selected, String labels) {
        List<Choice> choices = Choice.optionsOf(options, labels);
        for (Choice choice : choices) {
            String label = choice.messageKey() != null ? message(choice.messageKey()) : choice.label();
            append(html, choice.value(), label, choice.isSelected(selected));
        }
        return html;
    }

    private static void append(StringBuilder html, String value, String label, boolean selected) {
        html.append("<option value=\"").append(HtmlUtils.htmlEscape(value)).append('"');
        if (selected) {
            html.append(" selected=\"selected\"");
        }
        html.append('>').append(label == null ? "" : HtmlUtils.htmlEscape(label)).append("</option>");
    }

    /** A label as {@code #{key}} shows it, a missing one included. */
    private String message(String key) {
        return messages.getMessage(key, null, "??" + key + "_" + locale + "??", locale);
    }
}
