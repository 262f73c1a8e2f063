package io.tidecrm.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force throttle: after {@code maxFailures} failed sign-ins for one name, or
 * {@code maxFailuresPerAddress} from one client address (whatever names it tries), within
 * {@code failureWindow}, sign-in for that name is refused for {@code lockDuration}.
 */
@ConfigurationProperties("tidecrm.security.login")
record LoginProperties(int maxFailures, Duration failureWindow, Duration lockDuration, int maxFailuresPerAddress) {

    LoginProperties {
        if (maxFailures < 1) {
            maxFailures = 5;
        }
        if (maxFailuresPerAddress < 1) {
            maxFailuresPerAddress = 100;
        }
        if (failureWindow == null) {
            failureWindow = Duration.ofMinutes(15);
        }
        if (lockDuration == null) {
            lockDuration = Duration.ofMinutes(15);
        }
    }
}
