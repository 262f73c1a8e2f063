package io.tidecrm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application context on the run's own PostgreSQL database (see {@link TestDatabase}),
 * with MockMvc, a movable clock (back to the system time after each test), the fixtures and
 * {@link Deliveries} to wait for the after-commit listeners. All such tests share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestClockConfiguration.class, TestUsers.class, CustomerFixtures.class, CatalogFixtures.class,
        Deliveries.class })
@ExtendWith(ResetClockExtension.class)
public @interface IntegrationTest {
}
