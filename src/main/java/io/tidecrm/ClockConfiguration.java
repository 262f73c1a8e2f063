package io.tidecrm;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time. Every module takes "now" from this clock, in the configured
 * business zone, so that tests can move it and the working day is reckoned in one zone.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${tidecrm.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
