package io.tidecrm.support;

import java.io.Serializable;
import java.util.List;

/**
 * What a bulk action did to one record, for the result shown after it (a flash attribute, so
 * only strings): the record's name, whether it succeeded, and why not, as a message key and its
 * arguments in the reader's language.
 */
public record BulkOutcome(String name, boolean done, String reasonKey, List<String> reasonArgs) implements Serializable {

    public static BulkOutcome done(String name) {
        return new BulkOutcome(name, true, null, List.of());
    }

    public static BulkOutcome refused(String name, String reasonKey, Object... args) {
        return new BulkOutcome(name, false, reasonKey,
                java.util.Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList());
    }

    public Object[] reasonArgArray() {
        return reasonArgs.toArray();
    }
}
