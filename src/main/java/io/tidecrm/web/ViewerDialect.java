package io.tidecrm.web;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #viewer} ({@link Viewer}), {@code #menu} (the layout's main menu,
 * {@link NavigationMenu}) and {@code #options} (a filter's options, {@link SelectOptions}), built once per page; Spring Boot adds dialect beans to the template engine.
 * Expression objects, unlike bean calls, may be used in {@code th:utext}.
 */
@Component
class ViewerDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String VIEWER = "viewer";
    static final String MENU = "menu";
    static final String OPTIONS = "options";

    private final ObjectProvider<NavigationMenu> menu;
    private final ObjectProvider<MessageSource> messages;

    ViewerDialect(ObjectProvider<NavigationMenu> menu, ObjectProvider<MessageSource> messages) {
        super("Tide CRM viewer");
        this.menu = menu;
        this.messages = messages;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(VIEWER, MENU, OPTIONS);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return switch (expressionObjectName) {
                    case VIEWER -> Viewer.current();
                    case MENU -> menu.getObject().new Markup(Viewer.current(), context.getLocale());
                    case OPTIONS -> new SelectOptions(messages.getObject(), context.getLocale());
                    default -> null;
                };
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
