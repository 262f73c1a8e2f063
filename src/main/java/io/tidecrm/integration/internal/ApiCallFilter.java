package io.tidecrm.integration.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.tidecrm.audit.ApiCalled;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: the rate limit of the request's token (429 with {@code Retry-After} when
 * its bucket is empty; the buckets are in the database, shared by every node: {@link ApiRateBuckets}),
 * then the call itself, then its audit entry (an API call, with the token's
 * name, the method, path and status). Requests without a token pass through untouched.
 */
class ApiCallFilter extends OncePerRequestFilter {

    private final ApiRateBuckets buckets;
    private final BucketConfiguration limit;
    private final ApplicationEventPublisher events;
    private final Problems problems;
    private final Clock clock;

    ApiCallFilter(ApiProperties properties, ApiRateBuckets buckets, ApplicationEventPublisher events, Problems problems,
            Clock clock) {
        this.buckets = buckets;
        this.limit = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(properties.capacity()).refillGreedy(properties.capacity(), properties.period()))
                .build();
        this.events = events;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ApiAuthentication api)) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = buckets.builder().build(api.tokenId(), () -> limit)
                .tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            response.setHeader("Retry-After", Long.toString(seconds));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rateLimited");
            audit(api, request, HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            audit(api, request, response.getStatus());
        }
    }

    private void audit(ApiAuthentication api, HttpServletRequest request, int status) {
        String query = request.getQueryString();
        events.publishEvent(new ApiCalled(api.getPrincipal().id(), api.getPrincipal().getUsername(), api.tokenName(),
                request.getMethod(), request.getRequestURI() + (query == null ? "" : "?" + query), status,
                clock.instant()));
    }
}
