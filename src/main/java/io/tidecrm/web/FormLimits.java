package io.tidecrm.web;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Component;

/**
 * The limits of a form field as the server checks them, for its input's {@code maxlength},
 * {@code min}, {@code max} and {@code step} (templates: {@code ${@formLimits.maxLength(#object, field)}}):
 * the browser then says what is wanted before the user sends the form, in the same terms as the
 * server's message. Read from the form record's Bean Validation annotations, so they never disagree.
 */
@Component("formLimits")
class FormLimits {

    private final Map<String, Limits> cache = new ConcurrentHashMap<>();

    /** The field's limits as read once from its annotations. */
    private record Limits(Integer maxLength, String min, String max, String step) {

        static final Limits NONE = new Limits(null, null, null, null);
    }

    public Integer maxLength(Object form, String field) {
        return limits(form, field).maxLength();
    }

    public String min(Object form, String field) {
        return limits(form, field).min();
    }

    public String max(Object form, String field) {
        return limits(form, field).max();
    }

    public String step(Object form, String field) {
        return limits(form, field).step();
    }

    private Limits limits(Object form, String field) {
        if (form == null || field == null || !form.getClass().isRecord() || field.contains(".")) {
            return Limits.NONE;
        }
        return cache.computeIfAbsent(form.getClass().getName() + "#" + field, k -> read(form.getClass(), field));
    }

    private static Limits read(Class<?> type, String field) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (!c.getName().equals(field)) {
                continue;
            }
            Size size = field(type, field, Size.class);
            Min min = field(type, field, Min.class);
            Max max = field(type, field, Max.class);
            DecimalMin decimalMin = field(type, field, DecimalMin.class);
            DecimalMax decimalMax = field(type, field, DecimalMax.class);
            Digits digits = field(type, field, Digits.class);
            boolean whole = c.getType() == Integer.class || c.getType() == Long.class || c.getType() == int.class
                    || c.getType() == long.class;
            String step = whole ? "1" : digits != null && c.getType() == BigDecimal.class
                    ? BigDecimal.ONE.movePointLeft(digits.fraction()).toPlainString() : null;
            return new Limits(
                    size != null && size.max() < Integer.MAX_VALUE && c.getType() == String.class ? size.max() : null,
                    min != null ? String.valueOf(min.value()) : decimalMin != null && decimalMin.inclusive() ? decimalMin.value() : null,
                    max != null ? String.valueOf(max.value()) : decimalMax != null && decimalMax.inclusive() ? decimalMax.value() : null,
                    step);
        }
        return Limits.NONE;
    }

    /** An annotation of the record component (Bean Validation puts it on the field and the parameter). */
    private static <A extends java.lang.annotation.Annotation> A field(Class<?> type, String name, Class<A> annotation) {
        try {
            return type.getDeclaredField(name).getAnnotation(annotation);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
