package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Refused input is answered on the form with messages that name the field and say what is wanted, in the user's language. */
@IntegrationTest
class FieldMessageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void validationMessagesNameTheFieldInChineseNotTheFrameworksDefaults() throws Exception {
        assertThat(postBadCustomer("zh-CN")).contains("请填写公司全称。", "地区最多 100 个字符。")
                .doesNotContain("不能为空", "个数必须在", "必须大于或等于");
        assertThat(postBadCustomer("zh-CN", "expectedAmount", "abc")).contains("预计销售金额（元）请填写数字。")
                .doesNotContain("Failed to convert");
    }

    @Test
    void validationMessagesNameTheFieldInEnglish() throws Exception {
        assertThat(postBadCustomer("en")).contains("Please fill in Company name.", "Region takes at most 100 characters.")
                .doesNotContain("must not be blank", "size must be between");
        assertThat(postBadCustomer("en", "expectedAmount", "abc"))
                .contains("Please enter Expected amount (CNY) as a number.").doesNotContain("Failed to convert");
    }

    @Test
    void aConstraintWithItsOwnMessageKeepsIt() throws Exception {
        assertThat(postBadCustomer("zh-CN", "wechatyGithubUrl", "ftp://example.com"))
                .contains("请输入 GitHub 地址").doesNotContain("的格式不正确");
    }

    @Test
    void inputsCarryTheServersLimits() throws Exception {
        String form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/customers/new")
                .with(users.as("rep1"))).andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");
        // @Size(max = 200) on the name, @DecimalMin("0") and two decimals on the expected amount.
        assertThat(form).containsPattern("<input[^>]*maxlength=\"200\"[^>]*id=\"name\"")
                .containsPattern("<input[^>]*min=\"0\"[^>]*step=\"0.01\"[^>]*id=\"expectedAmount\"");
    }

    private String postBadCustomer(String language, String... extra) throws Exception {
        var request = post("/customers").with(users.as("rep1")).with(csrf()).cookie(new Cookie("tidecrm-lang", language))
                .param("name", " ").param("type", "A").param("source", "OTHER").param("region", "区".repeat(101));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            request.param(extra[i], extra[i + 1]);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
