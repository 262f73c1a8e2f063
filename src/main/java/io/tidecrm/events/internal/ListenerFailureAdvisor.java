package io.tidecrm.events.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Around every after-commit listener method (those the registry records a publication for,
 * {@code @ApplicationModuleListener} among them): a failure is recorded with its error text and
 * thrown on, so that the registry leaves the publication incomplete.
 *
 * <p>Ordered inside Spring Modulith's completion interceptor (which marks the publication failed
 * once this one has rethrown) and outside the listener's transaction, which has therefore rolled
 * back when the error is written in a transaction of its own.
 */
final class ListenerFailureAdvisor extends AbstractPointcutAdvisor {

    /** Modulith's completion-registering interceptor runs at {@code HIGHEST_PRECEDENCE + 10}. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final transient Pointcut pointcut;
    private final transient Advice advice;

    ListenerFailureAdvisor(Supplier<ListenerFailures> failures) {
        this.pointcut = new ComposablePointcut(new AfterCommitListenerMethod());
        this.advice = new Interceptor(failures);
        setOrder(ORDER);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return advice;
    }

    private static final class AfterCommitListenerMethod extends StaticMethodMatcher {

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            TransactionalEventListener listener = AnnotatedElementUtils.findMergedAnnotation(method,
                    TransactionalEventListener.class);
            return listener != null && listener.phase() == TransactionPhase.AFTER_COMMIT
                    && method.getParameterCount() == 1;
        }
    }

    private static final class Interceptor implements MethodInterceptor {

        private static final Map<Method, String> LISTENER_IDS = new ConcurrentHashMap<>();

        private final Supplier<ListenerFailures> failures;

        Interceptor(Supplier<ListenerFailures> failures) {
            this.failures = failures;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            try {
                return invocation.proceed();
            } catch (Throwable failure) {
                failures.get().record(listenerId(invocation.getMethod()), invocation.getArguments()[0], failure);
                throw failure;
            }
        }

        /** The identifier the registry stores the publication under (as Modulith derives it). */
        private static String listenerId(Method method) {
            return LISTENER_IDS.computeIfAbsent(method, m -> new TransactionalApplicationListenerMethodAdapter(
                    "listener", m.getDeclaringClass(), m).getListenerId());
        }
    }
}
