package io.tidecrm.identity.internal;

import java.util.Map;

import io.tidecrm.identity.LoginThrottledException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;

/**
 * Every sign-in outcome becomes an application event (the audit log listens). Spring Boot's
 * own publisher maps only Spring Security's exceptions, by exact class, so a throttled sign-in
 * (and, say, an InternalAuthenticationServiceException) would pass unseen; this one maps the
 * throttle to a "locked" failure and any other exception to a failure event as well.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationEventsConfiguration {

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureServiceExceptionEvent.class);
        return publisher;
    }
}
