package io.tidecrm.support;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * How every {@link ListQuery} record is bound from the URL. A list's address is typed by hand,
 * edited and bookmarked, so its binding is lenient where a form's is strict:
 * <ul>
 * <li>a value that does not convert ({@code ?status=XYZ}, {@code ?owner=abc}, a malformed
 * date) is left out, as if it were absent: the parameter is null, the list unfiltered by it,
 * never a 400 or an error page; {@link #leftOut} names such parameters, for a page that says so;</li>
 * <li>text is stripped, and blank text is absent;</li>
 * <li>the page position is {@value ListQuery#CURSOR}, or, when the address has none, one of
 * its {@linkplain ListQuery#OLD_CURSOR_NAMES old names}, so that old bookmarks still work.</li>
 * </ul>
 * Conversion itself is Spring's (enums by name, numbers, {@code YearMonth},
 * {@code @DateTimeFormat} dates).
 */
@ControllerAdvice
public class ListQueryBinding {

    private static final String LEFT_OUT = ListQueryBinding.class.getName() + ".leftOut";

    /** The parameters of this request's list query whose values did not convert and were left out. */
    public static Set<String> leftOut(WebRequest request) {
        @SuppressWarnings("unchecked")
        Set<String> names = (Set<String>) request.getAttribute(LEFT_OUT, RequestAttributes.SCOPE_REQUEST);
        return names == null ? Set.of() : Set.copyOf(names);
    }

    @InitBinder
    void bindListQueries(WebDataBinder binder, WebRequest request) {
        ResolvableType type = binder.getTargetType();
        if (type == null || !ListQuery.class.isAssignableFrom(type.toClass())) {
            return;
        }
        binder.setBindingErrorProcessor(new LeaveOut(request));
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        DataBinder.NameResolver names = binder.getNameResolver();
        binder.setNameResolver(parameter -> cursorName(resolve(names, parameter), request));
    }

    private static String resolve(DataBinder.NameResolver names, MethodParameter parameter) {
        String name = names == null ? null : names.resolveName(parameter);
        return name != null ? name : parameter.getParameterName();
    }

    /** The cursor's current name, or the old name that an old bookmark carries instead. */
    private static String cursorName(String name, WebRequest request) {
        if (!ListQuery.CURSOR.equals(name) || request.getParameter(ListQuery.CURSOR) != null) {
            return name;
        }
        return ListQuery.OLD_CURSOR_NAMES.stream()
                .filter(old -> request.getParameter(old) != null)
                .findFirst()
                .orElse(name);
    }

    /** Records a value that did not convert as left out, instead of rejecting it. */
    private record LeaveOut(WebRequest request) implements BindingErrorProcessor {

        @Override
        public void processMissingFieldError(String missingField, BindingResult bindingResult) {
            // A list query has no required field.
        }

        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            @SuppressWarnings("unchecked")
            Set<String> names = (Set<String>) request.getAttribute(LEFT_OUT, RequestAttributes.SCOPE_REQUEST);
            if (names == null) {
                names = new LinkedHashSet<>();
                request.setAttribute(LEFT_OUT, names, RequestAttributes.SCOPE_REQUEST);
            }
            names.add(ex.getPropertyName());
        }
    }
}
