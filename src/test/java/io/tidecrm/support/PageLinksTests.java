package io.tidecrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PageLinksTests {

    private final PageLinks links = new PageLinks();

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theNextPageKeepsEveryFilterAndReplacesAnyCursorName() {
        request("/contracts", "status", "IN_PROGRESS", "q", "年度 合同", "before", "90", "owner", "3", "owner", "4");
        String filters = "status=IN_PROGRESS&q=%E5%B9%B4%E5%BA%A6+%E5%90%88%E5%90%8C&owner=3&owner=4";
        assertThat(links.next("80")).isEqualTo("/contracts?" + filters + "&cursor=80");
        assertThat(links.first()).isEqualTo("/contracts?" + filters);
    }

    @Test
    void theFirstPageHasNoLinkToItselfAndCursorsAreEncoded() {
        request("/customers", "sort", "NAME");
        assertThat(links.first()).isNull();
        assertThat(links.next("MTI6w6Q=")).isEqualTo("/customers?sort=NAME&cursor=MTI6w6Q%3D");
        request("/notifications");
        assertThat(links.next("12", "before")).isEqualTo("/notifications?before=12");
        request("/notifications", "before", "12");
        assertThat(links.first()).isEqualTo("/notifications");
    }

    @Test
    void whatALinkCarriesIsEncodedSoThatAFilterCannotBreakOutOfIt() {
        request("/customers", "q", "a&b=c\"><script>", "after", "1");
        assertThat(links.next("2")).isEqualTo("/customers?q=a%26b%3Dc%22%3E%3Cscript%3E&cursor=2");
    }

    private static void request(String uri, String... namesAndValues) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.addParameter(namesAndValues[i], namesAndValues[i + 1]);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
