package io.tidecrm.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request attributes are read from the container's request directly, not through every wrapper
 * that the filters before this one put around it (issue 14). Thymeleaf keeps each template
 * variable, the loop variables of every row included, as a request attribute, so a page reads
 * attributes tens of thousands of times; through Spring Session's, Spring Security's (firewall,
 * servlet API, headers) and the resource filter's wrappers, each read was a chain of calls that
 * HotSpot cannot inline: 12 % of the customer list's CPU in a profile.
 *
 * <p>None of those wrappers answers {@code getAttribute} itself (each passes it on), so a read
 * from the innermost request gives the same value. Writes still go through the chain, where a
 * wrapper may watch them (the resource filter does). A forward or an error page wraps the request
 * again outside this one, so their own attributes are still answered first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DirectAttributeReadsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletRequest container = request;
        while (container instanceof ServletRequestWrapper wrapper) {
            container = wrapper.getRequest();
        }
        chain.doFilter(container == request ? request : new DirectAttributeReads(request, container), response);
    }

    /** The request as the filters left it, but for attribute reads. */
    static final class DirectAttributeReads extends HttpServletRequestWrapper {

        private final ServletRequest container;

        DirectAttributeReads(HttpServletRequest request, ServletRequest container) {
            super(request);
            this.container = container;
        }

        @Override
        public Object getAttribute(String name) {
            return container.getAttribute(name);
        }
    }
}
