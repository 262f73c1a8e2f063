package io.tidecrm.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET handler that writes (a read receipt, for example). Every other GET page runs in
 * one read-only transaction opened around the handler and its view (web module,
 * {@code PageTransactionInterceptor}), in which a write fails; a handler with this mark is left
 * to the transactions of the services it calls.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WritesOnGet {
}
