package io.tidecrm.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts the shared {@link MutableClock} back to the system time after every test of the shared
 * contexts ({@link IntegrationTest}, {@link BrowserTest}), so that a test that moves it needs no
 * clean-up of its own and the next test never starts in another year.
 */
public class ResetClockExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(MutableClock.class).reset();
    }
}
