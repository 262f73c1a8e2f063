package io.tidecrm.integration.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details written by the API's security filters (before Spring MVC, so without
 * its message converters): the status, a title in the caller's language and a stable {@code code}.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** The caller's language: Accept-Language when sent, Chinese otherwise (as the pages). */
    public static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
    }

    /** The text of {@code api.problem.<code>} in the caller's language. */
    public String text(String code, HttpServletRequest request, Object... args) {
        return messages.getMessage("api.problem." + code, args, code, locale(request));
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(status.getReasonPhrase())
                + ",\"status\":" + status.value() + ",\"detail\":" + json(text(code, request)) + ",\"instance\":"
                + json(request.getRequestURI()) + ",\"code\":" + json(code) + "}");
    }

    /** A JSON string literal. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
