package io.tidecrm.support;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post/Redirect/Get: puts one flash message for the page the redirect lands on. */
public final class Flash {

    public static final String ATTRIBUTE = "flash";

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String key, Object... args) {
        put(redirect, "success", key, args);
    }

    public static void warning(RedirectAttributes redirect, String key, Object... args) {
        put(redirect, "warning", key, args);
    }

    public static void error(RedirectAttributes redirect, String key, Object... args) {
        put(redirect, "danger", key, args);
    }

    /** A refused rule after a redirect: its first message (a redirect has no form to show more on). */
    public static void error(RedirectAttributes redirect, RuleViolation refused) {
        error(redirect, refused.messageKey(), refused.args());
    }

    private static void put(RedirectAttributes redirect, String level, String key, Object... args) {
        redirect.addFlashAttribute(ATTRIBUTE, FlashMessage.of(level, key, args));
    }
}
