package io.tidecrm.web;

import java.time.Duration;
import java.util.UUID;

import io.tidecrm.identity.LoginThrottledException;
import io.tidecrm.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what. Pages need a signed-in user; {@code /admin/**} needs an administrator.
 * Every form carries a CSRF token; the session id changes at sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The pages load scripts and styles only from this origin (WebJars and /static); no
     * inline script or style is used anywhere. Bootstrap's icons are data: URIs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The paths of static assets (web.StaticResourceConfiguration): public, and never a session. */
    static final String[] STATIC_ASSETS = {"/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.svg", "/favicon.ico"};

    /**
     * Static assets answer without reading the session or the database: no security context is
     * loaded, no request is saved, no remember-me cookie is looked up, no CSRF token is made and
     * the requested session id is not checked. The page chain would do all of that for a
     * permitted path too (a session read per asset).
     */
    @Bean
    @Order(0)
    SecurityFilterChain staticAssetsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(STATIC_ASSETS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable()) // it checks the requested session id: a read
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService userDetailsService, PersistentTokenRepository tokenRepository,
            @Value("${tidecrm.security.remember-me-validity:14d}") Duration rememberMeValidity) throws Exception {
        // The AuthenticationProvider bean (identity's throttled sign-in) is the global one; adding it
        // here as well would make a failed sign-in pass through it twice and count twice.
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/error/**", "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(failureHandler()).permitAll())
                .rememberMe(remember -> remember.tokenRepository(tokenRepository)
                        .userDetailsService(userDetailsService)
                        .key(UUID.randomUUID().toString())
                        .tokenValiditySeconds((int) rememberMeValidity.toSeconds()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    /** Tells a throttled sign-in apart from a wrong one; neither says whether the name exists. */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String target = exception instanceof LoginThrottledException ? "/login?throttled" : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
