package io.tidecrm.integration.internal;

import java.io.IOException;
import java.util.Optional;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and authenticates the request as the token's user
 * for this request only (nothing is stored in a session). A token that is unknown, expired or
 * revoked, or whose user is disabled, answers 401 with a problem detail saying which; a request
 * without a bearer token passes on unauthenticated (and the chain's entry point answers 401).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserManagement users;
    private final UserDetailsService accounts;
    private final Problems problems;

    ApiTokenFilter(ApiTokens tokens, UserManagement users, UserDetailsService accounts, Problems problems) {
        this.tokens = tokens;
        this.users = users;
        this.accounts = accounts;
        this.problems = problems;
    }

    /** Whether the request carries a bearer token (the only case in which the API skips the CSRF check). */
    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader("Authorization").substring(BEARER.length()).strip();
        Optional<ApiTokens.Presented> token = secret.isEmpty() || secret.length() > 200 ? Optional.empty()
                : tokens.find(secret);
        if (token.isEmpty()) {
            unauthorized(request, response, "token.invalid");
            return;
        }
        if (token.get().refusal() != null) {
            unauthorized(request, response, token.get().refusal());
            return;
        }
        Optional<CurrentUser> user = users.findUser(token.get().userId()).map(UserSummary::username).flatMap(this::load);
        if (user.isEmpty() || !user.get().isEnabled()) {
            unauthorized(request, response, "token.userDisabled");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiAuthentication(user.get(), token.get().id(), token.get().name(),
                token.get().scope()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<CurrentUser> load(String username) {
        try {
            return Optional.of((CurrentUser) accounts.loadUserByUsername(username));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, code);
    }
}
