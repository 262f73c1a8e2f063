package io.tidecrm.identity;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because too many attempts failed recently for this name. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration lockDuration;

    public LoginThrottledException(Duration lockDuration) {
        super("Too many failed sign-ins");
        this.lockDuration = lockDuration;
    }

    public Duration lockDuration() {
        return lockDuration;
    }
}
