package io.tidecrm.web;

import io.tidecrm.support.WritesOnGet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * One read-only transaction for a page: opened before a GET handler runs and ended when the
 * handler has returned its model, before the view is rendered, so that the services the page
 * calls (each {@code @Transactional}) join it instead of each beginning and committing their own,
 * and Hibernate neither flushes nor keeps snapshots of what it loaded. Before this a customer list
 * ran 7 to 11 transactions.
 *
 * <p>It must not span the rendering: a page larger than the response buffer commits the response
 * in the middle of the template, and Spring Session then saves the session on a second
 * connection. Twenty parallel requests of one session held the pool's ten connections, each
 * waiting for a second one, until the pool's timeout (RequestRobustnessIntegrationTests).
 *
 * <p>A GET handler that writes says so with {@link WritesOnGet} and is left alone. Sign-in,
 * remember-me and the session are read by the filters before the handler, in their own
 * transactions; static assets never reach a handler method.
 */
final class PageTransactionInterceptor implements AsyncHandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PageTransactionInterceptor.class);
    private static final String STATUS = PageTransactionInterceptor.class.getName() + ".status";

    private final PlatformTransactionManager transactions;
    private final DefaultTransactionDefinition definition;

    PageTransactionInterceptor(PlatformTransactionManager transactions) {
        this.transactions = transactions;
        this.definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
        definition.setReadOnly(true);
        definition.setName("page");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isPage(request, handler) && request.getAttribute(STATUS) == null) {
            request.setAttribute(STATUS, transactions.getTransaction(definition));
        }
        return true;
    }

    /** The model is complete: the view renders without the page's connection. */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            org.springframework.web.servlet.ModelAndView modelAndView) {
        end(request);
    }

    /** A streamed or asynchronous answer goes on in another thread: the page's part ends here. */
    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        end(request);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        end(request);
    }

    private void end(HttpServletRequest request) {
        if (!(request.getAttribute(STATUS) instanceof TransactionStatus status)) {
            return;
        }
        request.removeAttribute(STATUS);
        if (status.isCompleted()) {
            return;
        }
        try {
            // Nothing was written: a service that failed (a 404, say) and marked it for rollback
            // gets its rollback; otherwise it commits, so that after-commit callbacks still run.
            if (status.isRollbackOnly()) {
                transactions.rollback(status);
            } else {
                transactions.commit(status);
            }
        } catch (RuntimeException e) {
            log.warn("Ending the page transaction of {} failed", request.getRequestURI(), e);
        }
    }

    private static boolean isPage(HttpServletRequest request, Object handler) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && handler instanceof HandlerMethod handlerMethod
                && !handlerMethod.hasMethodAnnotation(WritesOnGet.class);
    }
}
