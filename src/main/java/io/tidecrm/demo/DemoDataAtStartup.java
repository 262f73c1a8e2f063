package io.tidecrm.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo data when every bean is ready and before the context starts its lifecycle
 * beans, among them the embedded web server and the Quartz scheduler: the sign-in page answers
 * only once the demo users and customers are there, and no nightly job runs over half-seeded
 * data. (An {@code ApplicationRunner} would run after the server already took requests.)
 */
@Component
@Profile("!prod")
class DemoDataAtStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataAtStartup.class);

    private final DemoData demo;
    private final DemoDataProperties properties;

    DemoDataAtStartup(DemoData demo, DemoDataProperties properties) {
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.enabled()) {
            try {
                demo.seed();
            } catch (RuntimeException e) {
                // Nothing was written (one transaction); a developer's copy still starts.
                log.error("Could not seed the demo data; starting without it "
                        + "(tidecrm.demo-data.enabled=false turns it off)", e);
                demo.seedUsers();
            }
        } else if (properties.seedsUsers()) {
            demo.seedUsers();
        }
    }
}
