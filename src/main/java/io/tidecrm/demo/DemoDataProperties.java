package io.tidecrm.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tidecrm.demo-data.*}: whether a developer's copy seeds the demo data.
 *
 * @param enabled the demo users and the demo records (customers, follow-ups, opportunities,
 *        contracts, notifications); on in the dev profile
 * @param users the demo users only, whatever {@code enabled} says (the test suite signs in as them
 *        but keeps the records off); when unset, as {@code enabled}
 */
@ConfigurationProperties("tidecrm.demo-data")
public record DemoDataProperties(boolean enabled, Boolean users) {

    public boolean seedsUsers() {
        return users != null ? users : enabled;
    }
}
