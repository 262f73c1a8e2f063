package io.tidecrm.events.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/** The failure hook around the after-commit listeners. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    /**
     * An infrastructure advisor, so that Spring's auto-proxying applies it (as it does Modulith's
     * completion advisor and the transaction advisor); static and with a lazy lookup, so that
     * creating it early pulls in no other bean.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ListenerFailureAdvisor listenerFailureAdvisor(ObjectProvider<ListenerFailures> failures) {
        return new ListenerFailureAdvisor(failures::getObject);
    }
}
