package io.tidecrm.support;

import java.beans.Introspector;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The label of a form field in the reader's language, for messages that name the field ("请填写
 * 客户名称"). For field {@code name} of the form record {@code CustomerForm} the message keys
 * tried are: the component's {@link Label} if it has one, {@code customerForm.name}, then the
 * form's prefix and the field ({@code customer.name}; the prefix is the form's {@link Label}, or
 * its name without "Form"). A field of a list element ({@code lines[2].quantity}) is labelled
 * by the element's record the same way.
 */
public final class FieldLabels {

    private FieldLabels() {
    }

    /** The message codes that name this field of this form type, most specific first. */
    public static String[] codes(Class<?> formType, String field) {
        String path = field.replaceAll("\\[[^]]*]", "");
        if (formType == null) {
            return new String[] { path };
        }
        Class<?> owner = formType;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length - 1 && owner != null; i++) {
            owner = elementRecord(owner, segments[i]);
        }
        String last = segments[segments.length - 1];
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        if (owner != null) {
            RecordComponent component = component(owner, last);
            if (component != null && component.isAnnotationPresent(Label.class)) {
                codes.add(component.getAnnotation(Label.class).value());
            }
        }
        String form = Introspector.decapitalize(formType.getSimpleName());
        codes.add(form + "." + path);
        if (owner != null) {
            codes.add(prefix(owner) + "." + last);
        }
        return codes.toArray(String[]::new);
    }

    /** The field's label as a message argument; the bare field name when no bundle names it. */
    public static DefaultMessageSourceResolvable of(Class<?> formType, String field) {
        return new DefaultMessageSourceResolvable(codes(formType, field), field);
    }

    /** The fields of a form record that users fill in, list elements' as {@code lines[0].quantity}. */
    public static List<String> fieldsOf(Class<?> formType) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : formType.getRecordComponents()) {
            Class<?> element = elementRecord(formType, component.getName());
            if (element != null) {
                fieldsOf(element).forEach(f -> fields.add(component.getName() + "[0]." + f));
            } else if (!component.getName().equals("version")) {
                fields.add(component.getName());
            }
        }
        return fields;
    }

    private static String prefix(Class<?> type) {
        if (type.isAnnotationPresent(Label.class)) {
            return type.getAnnotation(Label.class).value();
        }
        String name = Introspector.decapitalize(type.getSimpleName());
        return name.endsWith("Form") ? name.substring(0, name.length() - 4) : name;
    }

    private static RecordComponent component(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    /** The record type of the elements of a list component, or null. */
    private static Class<?> elementRecord(Class<?> type, String name) {
        RecordComponent component = component(type, name);
        if (component != null && component.getGenericType() instanceof ParameterizedType list
                && List.class.isAssignableFrom(component.getType())
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }
}
