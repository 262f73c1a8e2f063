package io.tidecrm.support;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message shown once on the page after a redirect. It holds a message key and its
 * arguments, not text, so that it is rendered in the reader's language. Serializable
 * because flash attributes travel in the JDBC session.
 */
public record FlashMessage(String level, String key, List<String> args) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The arguments as the page shows them (null as empty). */
    public static FlashMessage of(String level, String key, Object... args) {
        return new FlashMessage(level, key, Arrays.stream(args).map(a -> Objects.toString(a, "")).toList());
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
