package io.tidecrm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

class RuleViolationTests {

    @Test
    void carriesSeveralMessagesEachOnItsField() {
        RuleViolation refused = new RuleViolation("amount", "plan.exceedsTotal", 100)
                .and(null, "lines.required")
                .and("serviceEnd", "serviceEnd.beforeStart");

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("amount", null, "serviceEnd");
        assertThat(refused.messageKey()).isEqualTo("plan.exceedsTotal");
        assertThat(refused).hasMessage("plan.exceedsTotal");
        assertThat(refused.args()).containsExactly(100);
        assertThat(refused.concerns("serviceEnd")).isTrue();
        assertThat(refused.concerns("remarks")).isFalse();
    }

    @Test
    void formsPutsEveryMessageOnTheBindingResult() {
        BindingResult result = new MapBindingResult(new HashMap<>(), "form");

        Forms.reject(result, new RuleViolation("amount", "plan.exceedsTotal", 100).and(null, "stale"));

        assertThat(result.getFieldError("amount").getCode()).isEqualTo("plan.exceedsTotal");
        assertThat(result.getFieldError("amount").getArguments()).containsExactly(100);
        assertThat(result.getGlobalError().getCode()).isEqualTo("stale");
    }

    @Test
    void collectorThrowsAllTogetherOrNothing() {
        RuleViolation.collect().throwIfAny();

        RuleViolation.Collector refused = RuleViolation.collect().add("a", "one").add("b", "two", 2);
        assertThat(refused.isEmpty()).isFalse();
        assertThatThrownBy(refused::throwIfAny).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.violations()).extracting(RuleViolation.Violation::messageKey)
                        .containsExactly("one", "two"));
    }

    @Test
    void movesToAnotherFieldWithItsArguments() {
        RuleViolation moved = new RuleViolation("type", "cap.exceeded", "A", 20).onField("targetUserId");

        assertThat(moved.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("targetUserId");
            assertThat(v.argArray()).containsExactly("A", 20);
        });
    }
}
