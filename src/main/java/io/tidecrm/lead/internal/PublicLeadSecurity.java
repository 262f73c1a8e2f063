package io.tidecrm.lead.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The website form's own filter chain, before the application's: no sign-in and no session (a
 * visitor of the company website has neither), so no CSRF token either; the form is protected
 * instead by its rate limit per address, a honeypot field, a size limit and strict validation
 * ({@link PublicLeadController}). The JSON endpoint answers cross-origin requests from any site
 * (without credentials), so the company website may post to it with fetch().
 */
@Configuration(proxyBeanMethods = false)
class PublicLeadSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain publicLeadFilterChain(HttpSecurity http) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/public/leads", cors);
        http.securityMatcher("/public/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .cors(c -> c.configurationSource(source))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'")))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
