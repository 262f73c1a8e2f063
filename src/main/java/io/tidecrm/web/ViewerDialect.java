package io.tidecrm.web;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #viewer} ({@link Viewer}) and {@code #menu} (the layout's main menu,
 * {@link NavigationMenu}), built once per page; Spring Boot adds dialect beans to the template engine.
 * Expression objects, unlike bean calls, may be used in {@code th:utext}.
 */
@Component
class ViewerDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String VIEWER = "viewer";
    static final String MENU = "menu";

    private final ObjectProvider<NavigationMenu> menu;

    ViewerDialect(ObjectProvider<NavigationMenu> menu) {
        super("Tide CRM viewer");
        this.menu = menu;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(VIEWER, MENU);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return switch (expressionObjectName) {
                    case VIEWER -> Viewer.current();
                    case MENU -> menu.getObject().new Markup(Viewer.current(), context.getLocale());
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
