package io.tidecrm.support;

/** A person's name shown to someone who may know that a colleague owns a record, not who. */
public final class NameMask {

    private NameMask() {
    }

    /** "张三" → "张*". */
    public static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return new String(Character.toChars(name.codePointAt(0))) + "*";
    }
}
