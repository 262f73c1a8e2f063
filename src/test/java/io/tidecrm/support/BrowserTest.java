package io.tidecrm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a random port for a real browser, on the run's own database, with a movable
 * clock and the test helpers. All browser tests share one Spring context and one Chromium; a test
 * method takes a {@link Browser} parameter for its pages (see {@link BrowserExtension}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestClockConfiguration.class, TestUsers.class, CustomerFixtures.class, CatalogFixtures.class,
        Deliveries.class })
@ExtendWith({ ResetClockExtension.class, BrowserExtension.class })
public @interface BrowserTest {
}
