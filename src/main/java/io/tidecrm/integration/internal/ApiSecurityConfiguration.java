package io.tidecrm.integration.internal;

import java.time.Clock;

import io.tidecrm.identity.UserManagement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The security of {@code /api/**}, apart from the pages': stateless (no session is read or
 * created, no cookie is set), authenticated by a personal access token only (a session cookie
 * signs nobody in here), GET and HEAD with any token, everything else with a read-write token.
 * The CSRF check is skipped only for a request that carries a bearer token (a browser never
 * sends one by itself); a POST with just a session cookie is refused like on the pages.
 *
 * <p>The OpenAPI document ({@code /v3/api-docs}) is public: it describes the API, not data. The
 * calendar feed ({@code /api/calendar/<secret>.ics}) is authorised by its secret address alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokens tokens, UserManagement users,
            UserDetailsService accounts, Problems problems, ApiProperties properties,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/calendar/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(ApiAuthentication.READ)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(ApiAuthentication.READ)
                        .anyRequest().hasAuthority(ApiAuthentication.WRITE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearer))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .rememberMe(remember -> remember.disable())
                .anonymous(anonymous -> { })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "token.missing");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                problems.write(request, response, HttpStatus.FORBIDDEN, "csrf");
                            } else if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiAuthentication) {
                                problems.write(request, response, HttpStatus.FORBIDDEN, "token.readOnly");
                            } else {
                                // Signed in by a session (or not at all): the API knows only tokens.
                                response.setHeader("WWW-Authenticate", "Bearer");
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "token.missing");
                            }
                        }))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .addFilterBefore(new ApiTokenFilter(tokens, users, accounts, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiCallFilter(properties, new ApiRateBuckets(jdbc, clock), events, problems, clock), ApiTokenFilter.class);
        return http.build();
    }
}
