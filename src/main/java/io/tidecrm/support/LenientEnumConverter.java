package io.tidecrm.support;

import jakarta.persistence.AttributeConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores an enum by its name, like {@code @Enumerated(EnumType.STRING)}, but reads a value that
 * is none of the constants (written by hand, by an import of an older version, or by a removed
 * constant) as null, "not known", instead of failing the whole page. For descriptive fields
 * only: a field that rules depend on keeps the strict mapping and a check constraint.
 */
public abstract class LenientEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private static final Logger log = LoggerFactory.getLogger(LenientEnumConverter.class);

    private final Class<E> type;

    protected LenientEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return parse(type, column);
    }

    /** A stored name read leniently, as this converter reads it, for code that reads rows with SQL. */
    public static <E extends Enum<E>> E parse(Class<E> type, String column) {
        if (column == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, column);
        } catch (IllegalArgumentException e) {
            log.warn("Unknown {} value '{}' read as not known", type.getSimpleName(), column);
            return null;
        }
    }
}
