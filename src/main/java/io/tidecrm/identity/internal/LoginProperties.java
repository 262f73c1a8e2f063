package io.tidecrm.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force throttle: after {@code maxFailures} failed sign-ins for one name within
 * {@code failureWindow}, sign-in for that name is refused for {@code lockDuration}.
 */
@ConfigurationProperties("tidecrm.security.login")
record LoginProperties(int maxFailures, Duration failureWindow, Duration lockDuration) {

    LoginProperties {
        if (maxFailures < 1) {
            maxFailures = 5;
        }
        if (failureWindow == null) {
            failureWindow = Duration.ofMinutes(15);
        }
        if (lockDuration == null) {
            lockDuration = Duration.ofMinutes(15);
        }
    }
}
