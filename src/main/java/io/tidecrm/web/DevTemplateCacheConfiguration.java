package io.tidecrm.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;

/**
 * The dev profile (the default one) keeps parsed templates for a second instead of not at all
 * (issue 14): with Thymeleaf's cache off every request parsed the page, the layout and every
 * fragment again, which made the customer list three to five times slower than in production
 * (BENCHMARKS.md). A template edited in a running developer's copy still shows on the next
 * request a second later.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevTemplateCacheConfiguration {

    static final long TEMPLATE_TTL_MS = 1000;

    @Bean
    static BeanPostProcessor devTemplateCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SpringResourceTemplateResolver resolver) {
                    cacheBriefly(resolver);
                }
                return bean;
            }
        };
    }

    static void cacheBriefly(SpringResourceTemplateResolver resolver) {
        resolver.setCacheable(true);
        resolver.setCacheTTLMs(TEMPLATE_TTL_MS);
    }
}
