package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/** The request a page renders over: what the page writes stays the page's, the rest is the request's. */
class TemplateVariablesViewTests {

    @Test
    void aPagesVariablesStayInItsOwnMapAndTheRequestsAttributesAreReadBelowThem() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/customers");
        request.setAttribute("_csrf", "token");
        request.setAttribute("shadowed", "the request's");
        TemplateVariablesView.Variables page = new TemplateVariablesView.Variables(request);

        page.setAttribute("row", 7);
        assertThat(page.getAttribute("row")).isEqualTo(7);
        assertThat(request.getAttribute("row")).as("a page's variable is not written to the request").isNull();
        assertThat(page.getAttribute("_csrf")).as("what the filters set is read from the request").isEqualTo("token");

        page.setAttribute("shadowed", "the page's");
        assertThat(page.getAttribute("shadowed")).isEqualTo("the page's");
        page.removeAttribute("shadowed");
        assertThat(page.getAttribute("shadowed")).as("removed by the page").isNull();
        assertThat(request.getAttribute("shadowed")).isEqualTo("the request's");
        page.setAttribute("row", null);
        assertThat(page.getAttribute("row")).as("set to null is removed").isNull();
        page.setAttribute("shadowed", "again");
        assertThat(page.getAttribute("shadowed")).isEqualTo("again");

        assertThat(Collections.list(page.getAttributeNames())).contains("_csrf", "shadowed").doesNotContain("row");
    }

    @Test
    void thePagesEvaluationContextGetsTheRecordAccessorFirstWhenThymeleafWritesItAsAVariable() {
        StaticApplicationContext application = new StaticApplicationContext();
        application.refresh();
        ThymeleafEvaluationContext evaluation = new ThymeleafEvaluationContext(application, new DefaultConversionService());
        TemplateVariablesView.Variables page = new TemplateVariablesView.Variables(new MockHttpServletRequest());

        page.setAttribute(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation);

        assertThat(evaluation.getPropertyAccessors()).first().isSameAs(RecordPropertyAccessor.INSTANCE);
        assertThat(page.getAttribute(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME))
                .isSameAs(evaluation);
    }
}
