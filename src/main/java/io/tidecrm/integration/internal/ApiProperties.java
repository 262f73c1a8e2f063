package io.tidecrm.integration.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The REST API's rate limit: each token may make {@code capacity} calls, refilled evenly over
 * {@code period} (a token bucket per token and node).
 */
@ConfigurationProperties("tidecrm.api.rate-limit")
record ApiProperties(Integer capacity, Duration period) {

    ApiProperties {
        if (capacity == null || capacity < 1) {
            capacity = 120;
        }
        if (period == null || period.isNegative() || period.isZero()) {
            period = Duration.ofMinutes(1);
        }
    }
}
