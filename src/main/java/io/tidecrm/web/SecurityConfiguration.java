package io.tidecrm.web;

import java.time.Duration;
import java.util.UUID;

import io.tidecrm.identity.LoginThrottledException;
import io.tidecrm.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService userDetailsService, PersistentTokenRepository tokenRepository,
            @Value("${tidecrm.security.remember-me-validity:14d}") Duration rememberMeValidity) throws Exception {
        // The AuthenticationProvider bean (identity's throttled sign-in) is the global one; adding it
        // here as well would make a failed sign-in pass through it twice and count twice.
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                                "/favicon.ico", "/favicon.svg", "/actuator/health", "/actuator/health/**", "/actuator/info")
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
