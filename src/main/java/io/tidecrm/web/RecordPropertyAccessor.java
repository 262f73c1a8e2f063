package io.tidecrm.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Reads the components of the application's own records in template expressions
 * ({@code ${c.name}} on a list row), placed first among the property accessors of each page's
 * evaluation context ({@link TemplateVariablesView}).
 *
 * <p>Why (issue 14): SpEL keeps the accessor that last read a property of an expression node only
 * while that accessor is one of the evaluation context's own. The reflective accessor that
 * Thymeleaf's context holds hands out a new "optimal" accessor for each read, which is never one of
 * the context's, so every property read in every template looked its accessor up again: the
 * accessors sorted for the target type, Thymeleaf's check of the type against its list of
 * forbidden classes, the reflective accessor's caches, a new optimal accessor. In a profile of the
 * customer list that was a fifth of the page's CPU. This accessor is one shared instance in every
 * page's context, so an expression node keeps it from one read to the next; a read is a map
 * lookup and a method call.
 *
 * <p>It reads only the components of records in the application's packages ({@code io.tidecrm}):
 * plain data the pages are given, never a type Thymeleaf's restrictions are there to keep out of
 * templates. Anything else falls through to Thymeleaf's own accessors. It never writes.
 */
final class RecordPropertyAccessor implements PropertyAccessor {

    static final RecordPropertyAccessor INSTANCE = new RecordPropertyAccessor();

    private static final String APPLICATION_PACKAGE = "io.tidecrm.";

    /** The component accessors of each record type, by component name; empty for any other type. */
    private static final ClassValue<Map<String, Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Component> computeValue(Class<?> type) {
            if (!type.isRecord() || !type.getName().startsWith(APPLICATION_PACKAGE)) {
                return Map.of();
            }
            Map<String, Component> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true); // records nested in package-private classes
                accessors.put(component.getName(), new Component(accessor, new TypeDescriptor(new MethodParameter(accessor, -1))));
            }
            return Map.copyOf(accessors);
        }
    };

    /** A record component's accessor and its declared type (generics included, as SpEL's own accessor gives it). */
    private record Component(Method accessor, TypeDescriptor type) {
    }

    private RecordPropertyAccessor() {
    }

    /** Puts this accessor first in a page's evaluation context (once). */
    static void addTo(StandardEvaluationContext context) {
        List<PropertyAccessor> accessors = context.getPropertyAccessors();
        if (accessors.isEmpty() || accessors.get(0) != INSTANCE) {
            List<PropertyAccessor> withRecords = new ArrayList<>(accessors.size() + 1);
            withRecords.add(INSTANCE);
            withRecords.addAll(accessors);
            context.setPropertyAccessors(withRecords);
        }
    }

    @Override
    public Class<?>[] getSpecificTargetClasses() {
        return null; // any type is asked; canRead answers for records only
    }

    @Override
    public boolean canRead(EvaluationContext context, Object target, String name) {
        return target != null && COMPONENTS.get(target.getClass()).containsKey(name);
    }

    @Override
    public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
        Component component = target == null ? null : COMPONENTS.get(target.getClass()).get(name);
        if (component == null) {
            // An expression node read a record's component before and now holds something else:
            // SpEL then asks the context's accessors again.
            throw new AccessException("Not a component of an application record: " + name);
        }
        try {
            Object value = component.accessor().invoke(target);
            return value == null ? TypedValue.NULL : new TypedValue(value, component.type().narrow(value));
        } catch (ReflectiveOperationException e) {
            throw new AccessException("Could not read " + name + " of " + target.getClass().getName(), e);
        }
    }

    @Override
    public boolean canWrite(EvaluationContext context, Object target, String name) {
        return false;
    }

    @Override
    public void write(EvaluationContext context, Object target, String name, Object newValue) throws AccessException {
        throw new AccessException("Templates do not write properties");
    }
}
