package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

@ExtendWith(OutputCaptureExtension.class)
class CrmErrorAttributesTests {

    @Test
    void serverErrorGetsAnIdThatIsAlsoLogged(CapturedOutput output) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/broken");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/broken");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom"));

        Map<String, Object> attributes = new CrmErrorAttributes()
                .getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());

        assertThat(attributes.get("errorId")).isInstanceOf(String.class);
        String errorId = (String) attributes.get("errorId");
        assertThat(output.getOut() + output.getErr()).contains("Error id " + errorId).contains("boom");
        assertThat(attributes).doesNotContainKey("trace");
    }

    @Test
    void clientErrorGetsNoId() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/missing");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        Map<String, Object> attributes = new CrmErrorAttributes()
                .getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        assertThat(attributes).doesNotContainKey("errorId");
    }
}
