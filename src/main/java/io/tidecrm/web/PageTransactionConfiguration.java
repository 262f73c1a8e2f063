package io.tidecrm.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the pages' read-only transaction ({@link PageTransactionInterceptor}). */
@Configuration(proxyBeanMethods = false)
class PageTransactionConfiguration implements WebMvcConfigurer {

    private final PlatformTransactionManager transactions;

    PageTransactionConfiguration(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageTransactionInterceptor(transactions));
    }
}
