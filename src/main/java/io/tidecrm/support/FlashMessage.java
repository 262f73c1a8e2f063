package io.tidecrm.support;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A message shown once on the page after a redirect. It holds a message key and its
 * arguments, not text, so that it is rendered in the reader's language. Serializable
 * because flash attributes travel in the JDBC session.
 */
public record FlashMessage(String level, String key, List<String> args) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public Object[] argArray() {
        return args.toArray();
    }
}
