package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Pages render over their own variables (TemplateVariablesView), with what the filters set still read. */
@IntegrationTest
class TemplateVariablesViewIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void aPageRendersItsModelWithoutWritingItToTheRequestAndStillReadsTheCsrfTokenTheFiltersSet() throws Exception {
        MvcResult result = mvc.perform(get("/customers").with(users.as("rep1"))).andExpect(status().isOk()).andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("id=\"filters\"");
        assertThat(result.getRequest().getAttribute("page")).as("the model is the page's, not the request's").isNull();
        assertThat(result.getModelAndView().getModel()).containsKey("page");
        String token = html.replaceAll("(?s).*<meta name=\"csrf-token\" content=\"([^\"]+)\".*", "$1");
        assertThat(token).as("the CSRF token, a request attribute set by Spring Security").isNotBlank().doesNotContain("<");
    }
}
