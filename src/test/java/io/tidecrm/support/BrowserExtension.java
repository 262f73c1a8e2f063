package io.tidecrm.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browser lifecycle of every {@link BrowserTest}: one Chromium for the whole run (launched on
 * first use, closed when the run ends), and for each test a {@link Browser} handle (a parameter of
 * the test method) on the application's random port, whose pages are closed after the test. When
 * a test fails, its open pages are saved to {@code target/screenshots/failed-<class>-<test>-<n>.png}.
 */
public class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Chromium chromium = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, type -> Chromium.launch(), Chromium.class);
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        return context.getStore(NAMESPACE).computeIfAbsent(Browser.class,
                type -> new Browser(chromium, "http://localhost:" + port), Browser.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.screenshotAll("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }
}
