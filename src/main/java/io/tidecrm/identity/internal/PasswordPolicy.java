package io.tidecrm.identity.internal;

import io.tidecrm.support.RuleViolation;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/** What a new password must satisfy. Returns a message key, or null when it is acceptable. */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
    static final int MAX_BYTES = 72;

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
        return null;
    }

    void require(String field, String password) {
        String problem = check(password);
        if (problem != null) {
            throw new RuleViolation(field, problem);
        }
    }
}
