package io.tidecrm.demo;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo data when every bean is ready and before the context starts its lifecycle
 * beans, among them the embedded web server and the Quartz scheduler: the sign-in page answers
 * only once the demo users are there. (An {@code ApplicationRunner} would run after the server
 * already took requests.)
 */
@Component
@Profile("!prod")
class DemoDataAtStartup implements SmartInitializingSingleton {

    private final DemoData demo;
    private final DemoDataProperties properties;

    DemoDataAtStartup(DemoData demo, DemoDataProperties properties) {
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.seedsUsers()) {
            demo.seedUsers();
        }
    }
}
