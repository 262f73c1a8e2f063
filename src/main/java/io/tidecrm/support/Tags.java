package io.tidecrm.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Free tags typed in one field, as customers and leads take them: separated by commas,
 * semicolons (half- or full-width) or new lines, trimmed, empty ones and repeats dropped, in the
 * order typed; each module names its own messages.
 */
public final class Tags {

    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_LENGTH = 30;

    private Tags() {
    }

    /**
     * @param messagePrefix where the refusals' messages live, e.g. {@code customer.tags} for
     *        {@code customer.tags.tooLong} and {@code customer.tags.tooMany}
     * @throws RuleViolation on field {@code tags} for a tag longer than {@value #MAX_TAG_LENGTH}
     *         characters or more than {@value #MAX_TAGS} tags
     */
    public static List<String> parse(String text, String messagePrefix) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : text.split("[,，;；\\n]+")) {
            String tag = part.strip();
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new RuleViolation("tags", messagePrefix + ".tooLong", MAX_TAG_LENGTH);
            }
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new RuleViolation("tags", messagePrefix + ".tooMany", MAX_TAGS);
        }
        return List.copyOf(tags);
    }
}
