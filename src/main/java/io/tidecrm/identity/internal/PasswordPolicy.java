package io.tidecrm.identity.internal;

import io.tidecrm.support.RuleViolation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** What a new password must satisfy. Returns a message key, or null when it is acceptable. */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
    static final int MAX_BYTES = 72;

    private final Set<String> common;

    PasswordPolicy() {
        try (InputStream in = new ClassPathResource("common-passwords.txt").getInputStream()) {
            common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException("common-passwords.txt is missing", e);
        }
    }

    String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "password.tooShort";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "password.tooLong";
        }
        if (password.isBlank()) {
            return "password.tooShort";
        }
        if (common.contains(password.strip().toLowerCase(Locale.ROOT))) {
            return "password.common";
        }
        return null;
    }

    void require(String field, String password) {
        String problem = check(password);
        if (problem != null) {
            throw new RuleViolation(field, problem);
        }
    }
}
