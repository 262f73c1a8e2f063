package io.tidecrm.support;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links that keep the current list's filters in the URL while changing one parameter. */
public final class PageLinks {

    private PageLinks() {
    }

    /** The current request's path and query with {@code name} set to {@code value} (removed when null). */
    public static String withParam(String name, Object value) {
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
        if (value == null) {
            builder.replaceQueryParam(name);
        } else {
            builder.replaceQueryParam(name, value);
        }
        return builder.build().encode().toUri().getRawPath() + query(builder);
    }

    private static String query(ServletUriComponentsBuilder builder) {
        String q = builder.build().encode().toUri().getRawQuery();
        return q == null || q.isEmpty() ? "" : "?" + q;
    }
}
