package io.tidecrm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tags typed in one field (customers, leads), and the masked owner name of a duplicate warning. */
class TagsTests {

    @Test
    void tagsAreSplitOnHalfAndFullWidthSeparatorsTrimmedAndRepeatsDropped() {
        assertThat(Tags.parse(" 老客户，已演示;高意向；老客户\n,  ,已演示 ", "customer.tags"))
                .containsExactly("老客户", "已演示", "高意向");
        assertThat(Tags.parse("  ", "customer.tags")).isEmpty();
        assertThat(Tags.parse(null, "lead.tags")).isEmpty();
    }

    @Test
    void aTagLongerThanThirtyCharactersIsRefusedWithTheModulesMessage() {
        assertThat(Tags.parse("字".repeat(30), "lead.tags")).hasSize(1);
        assertThatThrownBy(() -> Tags.parse("短, " + "字".repeat(31), "lead.tags"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("tags");
                    assertThat(e.messageKey()).isEqualTo("lead.tags.tooLong");
                });
    }

    @Test
    void moreThanTenTagsAreRefusedButTenRepeatedOnesAreNot() {
        String ten = String.join(",", java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "t" + i).toList());
        assertThat(Tags.parse(ten + ",t1,t2", "customer.tags")).hasSize(10);
        assertThatThrownBy(() -> Tags.parse(ten + ",t11", "customer.tags"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("customer.tags.tooMany"));
    }

    @Test
    void aMaskedNameKeepsOnlyTheFirstCharacterEvenBeyondTheBasicPlane() {
        assertThat(NameMask.mask("张三丰")).isEqualTo("张*");
        assertThat(NameMask.mask("𠀋明")).isEqualTo("𠀋*");
        assertThat(NameMask.mask("")).isEmpty();
        assertThat(NameMask.mask(null)).isNull();
    }
}
