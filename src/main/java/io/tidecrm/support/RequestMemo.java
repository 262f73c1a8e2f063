package io.tidecrm.support;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers a lookup for the rest of the current web request, so that what a page asks several
 * times (the manager's team, the viewer's scope) is read once. Outside a request (jobs, tests
 * calling a service) every call looks up afresh. Only for facts that a page does not change
 * while it is being built; a request that changes them (a POST) redirects before reading them.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    /**
     * Like {@link #get}, but only inside a read-only transaction (a page's): rows are remembered
     * where nothing in the request can change them, never in a request that writes.
     */
    public static <T> T getWhileReadOnly(String key, Supplier<T> lookup) {
        return TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? get(key, lookup) : lookup.get();
    }

    /** The value remembered under {@code key} in this request, or {@code lookup}'s, remembered. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> lookup) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookup.get();
        }
        String name = PREFIX + key;
        Object remembered = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (remembered == null) {
            remembered = lookup.get();
            request.setAttribute(name, remembered, RequestAttributes.SCOPE_REQUEST);
        }
        return (T) remembered;
    }
}
