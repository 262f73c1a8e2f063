package io.tidecrm.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static assets under their own paths only, with content-hashed URLs that browsers keep for a year.
 *
 * <p>Why not Spring Boot's default mapping: it serves {@code /**} from the classpath, and with
 * the WebJars locator on the classpath every link the pages write ({@code @{/customers/5}} as
 * much as {@code @{/css/app.css}}) goes through {@code ResourceUrlEncodingFilter}, which asks
 * the resolver chain whether the link is a resource. For a page link the answer is no, a miss
 * is not cached, and finding it out meant {@code ClassLoader.getResource} in the nested jar for
 * each of four locations: 80 % of a list request's CPU in a JFR profile (bench/README.md).
 * With {@code spring.web.resources.add-mappings=false} only the patterns below are resource
 * candidates, so a page link is rejected by a pattern match, and a real asset's versioned URL
 * is resolved once and cached ({@code resourceChain(true)}), in development as in production.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceConfiguration implements WebMvcConfigurer {

    /** The content hash is in the URL, so a changed file has a new address: cache for a year. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** The folders of static assets (and the favicons): these paths never reach a controller. */
    static final java.util.List<String> FOLDERS = java.util.List.of("/css/", "/js/", "/images/", "/webjars/");

    static boolean isStaticAsset(String path) {
        return FOLDERS.stream().anyMatch(path::startsWith) || path.equals("/favicon.svg") || path.equals("/favicon.ico");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // A pattern's files are looked up relative to it: /css/app.css is css/app.css under static/.
        for (String folder : new String[] {"css", "js", "images"}) {
            versioned(registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/"));
        }
        versioned(registry.addResourceHandler("/favicon.svg", "/favicon.ico").addResourceLocations("classpath:/static/"));
        // The WebJars locator resolver is added by the chain itself (after the version resolver),
        // so /webjars/bootstrap/css/bootstrap.min.css needs no version in the template.
        versioned(registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/"));
    }

    private static void versioned(ResourceHandlerRegistration registration) {
        registration.setCacheControl(IMMUTABLE)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
