package io.tidecrm.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The pager's links: the current address (its path and every parameter, so that the filters
 * stay) with the page position changed. Templates call it as
 * {@code ${@pageLinks.next(page.next)}}; see {@code fragments/pager.html}.
 */
@Component("pageLinks")
public class PageLinks {

    /** The current address on the page after this one: {@code cursor} set, any old cursor name dropped. */
    public String next(String cursor) {
        return next(cursor, ListQuery.CURSOR);
    }

    /** The same for a list that still reads its position from {@code param}. */
    public String next(String cursor, String param) {
        List<String> query = queryWithoutCursor();
        query.add(encode(param) + "=" + encode(cursor));
        return address(query);
    }

    /** The current address on the first page, or null when it is on the first page already. */
    public String first() {
        boolean paged = request().getParameterMap().keySet().stream().anyMatch(PageLinks::isCursor);
        return paged ? address(queryWithoutCursor()) : null;
    }

    /** The request's parameters, encoded, but the page position under any of its names. */
    private static List<String> queryWithoutCursor() {
        List<String> parts = new ArrayList<>();
        request().getParameterMap().forEach((name, values) -> {
            if (!isCursor(name)) {
                for (String value : values) {
                    parts.add(encode(name) + "=" + encode(value));
                }
            }
        });
        return parts;
    }

    private static boolean isCursor(String name) {
        return ListQuery.CURSOR.equals(name) || ListQuery.OLD_CURSOR_NAMES.contains(name);
    }

    private static String address(List<String> query) {
        return request().getRequestURI() + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
