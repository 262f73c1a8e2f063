package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import io.tidecrm.support.Choice;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class SelectOptionsTests {

    enum Colour { RED, BLUE }

    private final SelectOptions options = new SelectOptions(messages(), Locale.SIMPLIFIED_CHINESE);

    private static StaticMessageSource messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("choice.all", Locale.SIMPLIFIED_CHINESE, "全部");
        source.addMessage("colour.RED", Locale.SIMPLIFIED_CHINESE, "红");
        source.addMessage("colour.BLUE", Locale.SIMPLIFIED_CHINESE, "蓝 & <深>");
        return source;
    }

    @Test
    void enumOptionsAreLabelledFromTheBundlesAfterAnAllOptionAndTheCurrentValueIsSelected() {
        assertThat(options.withAll(Colour.values(), Colour.BLUE, "colour."))
                .isEqualTo("<option value=\"\">全部</option><option value=\"RED\">红</option>"
                        + "<option value=\"BLUE\" selected=\"selected\">蓝 &amp; &lt;深&gt;</option>");
    }

    @Test
    void withoutACurrentValueNothingButTheAllOptionIsChosenAndASortHasNoAllOption() {
        assertThat(options.withAll(Colour.values(), null, "colour.")).doesNotContain("selected");
        assertThat(options.of(Colour.values(), "RED", "colour."))
                .isEqualTo("<option value=\"RED\" selected=\"selected\">红</option><option value=\"BLUE\">蓝 &amp; &lt;深&gt;</option>");
    }

    @Test
    void textAndChoicesAreShownAsTheyAreEscapedAndMatchedAsText() {
        List<Choice> users = List.of(new Choice("7", "王\"五\"", null), new Choice("12", "李四", null));
        assertThat(options.of(users, 12L, null))
                .isEqualTo("<option value=\"7\">王&quot;五&quot;</option><option value=\"12\" selected=\"selected\">李四</option>");
        assertThat(options.of(List.of("<b>VIP</b>", "重点"), "重点", null))
                .isEqualTo("<option value=\"&lt;b&gt;VIP&lt;/b&gt;\">&lt;b&gt;VIP&lt;/b&gt;</option>"
                        + "<option value=\"重点\" selected=\"selected\">重点</option>");
    }

    @Test
    void aMissingLabelShowsItsKeyAsThymeleafWouldInsteadOfFailingThePage() {
        assertThat(options.of(new Object[] {"GREEN"}, null, "colour."))
                .isEqualTo("<option value=\"GREEN\">??colour.GREEN_zh_CN??</option>");
    }
}
