package io.tidecrm.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that every node shares them. Several
 * requests of one session at the same moment (a double click, two tabs) may each add the same
 * attribute (the CSRF token, a flash message): Spring Session's PostgreSQL customizer writes
 * attributes with {@code INSERT … ON CONFLICT DO UPDATE}, so the second one updates instead of
 * failing on the primary key. A request that changes nothing in the session does not write it:
 * the last-access time is written at most once per {@code tidecrm.session.last-access-resolution}
 * ({@link LastAccessThrottlingSessionRepository}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** The attribute by which Spring Session's filter (a once-per-request filter) knows it has run. */
    private static final String SESSION_FILTER_DONE = SessionRepositoryFilter.class.getName() + ".FILTERED";

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Around the session filter: a static asset passes it by (it is marked as already filtered,
     * so that nothing on its way can read the session from the database), and a session saved in
     * one request is never handed to the next.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionFilterBoundary() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (StaticResourceConfiguration.isStaticAsset(request.getRequestURI().substring(request.getContextPath().length()))) {
                    request.setAttribute(SESSION_FILTER_DONE, Boolean.TRUE);
                }
                LastAccessThrottlingSessionRepository.forgetSaved();
                try {
                    chain.doFilter(request, response);
                } finally {
                    LastAccessThrottlingSessionRepository.forgetSaved();
                }
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /**
     * Wraps Spring Boot's JDBC session repository once it is set up (its expired-session cleanup
     * is scheduled by then), so that the session filter and everything else get the throttled
     * one. A bean of our own would switch Boot's session configuration off.
     */
    @Bean
    static BeanPostProcessor lastAccessThrottling(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository jdbc) {
                    Duration resolution = environment.getProperty("tidecrm.session.last-access-resolution", Duration.class,
                            Duration.ofMinutes(1));
                    return new LastAccessThrottlingSessionRepository(jdbc, jdbc::destroy, resolution);
                }
                return bean;
            }
        };
    }
}
