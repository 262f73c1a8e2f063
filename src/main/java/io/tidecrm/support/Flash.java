package io.tidecrm.support;

import java.util.Arrays;
import java.util.Objects;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post/Redirect/Get: puts one flash message for the page the redirect lands on. */
public final class Flash {

    public static final String ATTRIBUTE = "flash";

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String key, Object... args) {
        put(redirect, "success", key, args);
    }

    public static void error(RedirectAttributes redirect, String key, Object... args) {
        put(redirect, "danger", key, args);
    }

    private static void put(RedirectAttributes redirect, String level, String key, Object... args) {
        redirect.addFlashAttribute(ATTRIBUTE,
                new FlashMessage(level, key, Arrays.stream(args).map(a -> Objects.toString(a, "")).toList()));
    }
}
