package io.tidecrm.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timeouts of outgoing HTTP (the group robots): a robot that does not accept the connection
 * within {@code connectTimeout}, or does not answer within {@code readTimeout}, is cut off, and
 * the delivery is retried later.
 */
@ConfigurationProperties("tidecrm.http")
record HttpTimeouts(Duration connectTimeout, Duration readTimeout) {

    HttpTimeouts {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            connectTimeout = Duration.ofSeconds(3);
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            readTimeout = Duration.ofSeconds(5);
        }
    }
}
