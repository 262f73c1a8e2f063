package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;

/** The dev profile keeps parsed templates for a second, production for good (issue 14). */
class DevTemplateCacheConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class))
            .withUserConfiguration(DevTemplateCacheConfiguration.class)
            .withPropertyValues("spring.thymeleaf.cache=false");

    @Test
    void devProfileCachesTemplatesForOneSecond() {
        runner.withPropertyValues("spring.profiles.active=dev").run(context -> {
            SpringResourceTemplateResolver resolver = context.getBean(SpringResourceTemplateResolver.class);
            assertThat(resolver.isCacheable()).isTrue();
            assertThat(resolver.getCacheTTLMs()).isEqualTo(1000L);
        });
    }

    @Test
    void withoutTheDevProfileTheConfiguredCacheSettingStands() {
        runner.run(context -> {
            SpringResourceTemplateResolver resolver = context.getBean(SpringResourceTemplateResolver.class);
            assertThat(resolver.isCacheable()).isFalse();
        });
    }
}
