package io.tidecrm.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The layout's main menu ({@code fragments/menu.html}), rendered once per part, kind of reader and
 * language, then inserted as markup: {@code th:utext="${#menu.start}"} ({@link ViewerDialect}).
 * The menu holds some 40 links and labels and is the same on every page for a reader of a given
 * role and language, yet rendering it was a large share of a short page's CPU (issue 14). What
 * differs per request (counts, the reader's name, the search, the sign-out form's token) stays
 * outside it. With the template cache off (the dev profile) it is rendered every time, so that an
 * edit shows at once.
 */
@Component
class NavigationMenu {

    private static final String TEMPLATE = "fragments/menu";
    /** Parts × roles × languages is a handful; a bound keeps odd {@code ?lang=} values from growing the map. */
    private static final int MAX_ENTRIES = 64;

    private final ObjectProvider<ITemplateEngine> templateEngine;
    private final boolean cache;
    private final Map<Key, String> rendered = new ConcurrentHashMap<>();

    NavigationMenu(ObjectProvider<ITemplateEngine> templateEngine,
                   @Value("${spring.thymeleaf.cache:true}") boolean cache) {
        this.templateEngine = templateEngine;
        this.cache = cache;
    }

    /** The markup of one part of the menu ({@code menuStart} or {@code menuEnd}) for this reader and language. */
    String html(String part, Viewer viewer, Locale locale) {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        Key key = new Key(part, viewer.isAuthenticated(), viewer.isAdmin(), viewer.isManagerOrAdmin(), locale,
                request.getContextPath());
        if (!cache || (rendered.size() >= MAX_ENTRIES && !rendered.containsKey(key))) {
            return render(key, request, attributes.getResponse());
        }
        return rendered.computeIfAbsent(key, k -> render(k, request, attributes.getResponse()));
    }

    private String render(Key key, HttpServletRequest request, HttpServletResponse response) {
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response),
                key.locale());
        return templateEngine.getObject().process(TEMPLATE, Set.of(key.part()), context);
    }

    /** What a template reads as {@code #menu}: the two parts of the menu for the page's reader and language. */
    public final class Markup {

        private final Viewer viewer;
        private final Locale locale;

        Markup(Viewer viewer, Locale locale) {
            this.viewer = viewer;
            this.locale = locale;
        }

        public String getStart() {
            return html("menuStart", viewer, locale);
        }

        public String getEnd() {
            return html("menuEnd", viewer, locale);
        }
    }

    /** Everything the menu's markup depends on. */
    private record Key(String part, boolean authenticated, boolean admin, boolean managerOrAdmin, Locale locale,
                       String contextPath) {
    }
}
