package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DirectAttributeReadsFilterTests {

    /** A wrapper as the filters put them around the request: it passes every call on, and notes writes. */
    static final class PassingWrapper extends HttpServletRequestWrapper {
        final List<String> written = new ArrayList<>();
        int reads;

        PassingWrapper(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            reads++;
            return super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object o) {
            written.add(name);
            super.setAttribute(name, o);
        }
    }

    @Test
    void attributeReadsSkipTheFiltersWrappersAndWritesStillPassThroughThem() throws Exception {
        MockHttpServletRequest container = new MockHttpServletRequest("GET", "/customers");
        container.setParameter("q", "华信");
        PassingWrapper wrapped = new PassingWrapper(new PassingWrapper(container));
        AtomicReference<ServletRequest> seen = new AtomicReference<>();

        new DirectAttributeReadsFilter().doFilter(wrapped, new MockHttpServletResponse(),
                (request, response) -> seen.set(request));

        ServletRequest request = seen.get();
        wrapped.written.clear(); // the filter's own "already filtered" mark
        wrapped.reads = 0;
        request.setAttribute("row", 7);
        assertThat(wrapped.written).containsExactly("row");              // a write goes through the chain
        assertThat(request.getAttribute("row")).isEqualTo(7);             // and is read back
        assertThat(request.getAttribute("missing")).isNull();
        assertThat(wrapped.reads).isZero();                                // without passing the wrappers
        assertThat(request.getParameter("q")).isEqualTo("华信");           // everything else is the wrapped request's
        assertThat(((HttpServletRequestWrapper) request).getRequest()).isSameAs(wrapped);
    }

    @Test
    void aRequestWithoutWrappersIsPassedOnAsItIs() throws Exception {
        MockHttpServletRequest container = new MockHttpServletRequest("GET", "/customers");
        AtomicReference<ServletRequest> seen = new AtomicReference<>();

        new DirectAttributeReadsFilter().doFilter(container, new MockHttpServletResponse(),
                (request, response) -> seen.set(request));

        assertThat(seen.get()).isSameAs(container);
    }
}
