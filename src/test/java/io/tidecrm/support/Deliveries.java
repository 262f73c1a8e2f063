package io.tidecrm.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.springframework.core.task.TaskDecorator;

/**
 * The after-commit listeners ({@code @ApplicationModuleListener}: notices, e-mail, group robots)
 * run on the application's task executor, as in production. This decorator of that executor
 * (Spring Boot applies a {@link TaskDecorator} bean to it) counts the tasks handed to it, in the
 * committing thread, before they are queued, and {@link #awaitAll()} waits until every one has
 * finished, so that a test asserts on what the listeners wrote (or did not write) without
 * sleeping and without running them synchronously.
 */
public class Deliveries implements TaskDecorator {

    private final AtomicInteger unfinished = new AtomicInteger();

    @Override
    public Runnable decorate(Runnable task) {
        unfinished.incrementAndGet();
        return () -> {
            try {
                task.run();
            } finally {
                unfinished.decrementAndGet();
            }
        };
    }

    /**
     * Waits until every listener started so far has run, its publication marked completed or
     * failed (and a failure's error recorded): those steps run inside the task.
     */
    public void awaitAll() {
        Awaitility.await("after-commit listeners to finish").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> unfinished.get() == 0);
    }
}
