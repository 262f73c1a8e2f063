package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LenientQueryFilterTests {

    @Test
    void aQueryThatDecodesIsLeftToTheServer() {
        assertThat(LenientQueryFilter.decodes("status=IN_PROGRESS&q=%E5%B9%B4+%E5%BA%A6&cursor=MTI6w6Q&empty=&flag"))
                .isTrue();
        assertThat(LenientQueryFilter.decodes("sort=%%%")).isFalse();
        assertThat(LenientQueryFilter.decodes("q=%FF")).isFalse();
        assertThat(LenientQueryFilter.decodes("q=%E5%BC")).isFalse();
        assertThat(LenientQueryFilter.decodes("q=a%2")).isFalse();
        assertThat(LenientQueryFilter.decodes("%%%=1")).isFalse();
    }

    @Test
    void aParameterThatDoesNotDecodeIsLeftOutAndTheOthersStay() {
        Map<String, String[]> parameters = LenientQueryFilter.parse(
                "status=XYZ&size=abc&sort=%%%&cursor=!!&q=%E5%B9%B4+%FF&q=%E5%B9%B4+2&flag&&%zz=1&type=A");
        assertThat(parameters).containsOnlyKeys("status", "size", "cursor", "q", "flag", "type");
        assertThat(parameters.get("q")).containsExactly("年 2");
        assertThat(parameters.get("flag")).containsExactly("");
        assertThat(parameters.get("type")).containsExactly("A");
    }
}
