package io.tidecrm.web;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The labels of every module ({@code spring.messages.basename}), merged into one table per
 * language. Spring Boot's default source asks each bundle in turn, along each bundle's chain of
 * parents, for every label of a page; merged, a label is one lookup (issue 14: the message
 * lookups were 4 % of the customer list's CPU). A language's own file wins over the base file of
 * every bundle, so an untranslated label in one bundle never hides a translation in another.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(Arrays.stream(basenames).map(name -> "classpath:" + name.trim()).toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheMillis(-1); // read once: merged per language, a label is one map lookup
        return source;
    }
}
