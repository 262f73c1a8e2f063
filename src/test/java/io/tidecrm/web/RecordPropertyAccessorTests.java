package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.test.util.ReflectionTestUtils;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

class RecordPropertyAccessorTests {

    /** Package-private, as list rows nested in a module's internal classes are. */
    record Row(String name, List<String> tags) {
    }

    public static class Bean {
        public String getName() {
            return "bean";
        }
    }

    private final SpelExpressionParser parser = new SpelExpressionParser();

    private ThymeleafEvaluationContext pageContext() {
        StaticApplicationContext application = new StaticApplicationContext();
        application.refresh();
        ThymeleafEvaluationContext context = new ThymeleafEvaluationContext(application, new DefaultConversionService());
        RecordPropertyAccessor.addTo(context);
        return context;
    }

    @Test
    void aPageContextReadsTheComponentsOfTheApplicationsRecordsWithTheirDeclaredTypes() {
        ThymeleafEvaluationContext context = pageContext();
        Row row = new Row("无锡捷辰", List.of("重点"));
        assertThat(parser.parseExpression("name").getValue(context, row)).isEqualTo("无锡捷辰");
        assertThat(parser.parseExpression("tags[0]").getValue(context, row)).isEqualTo("重点");
        assertThat(parser.parseExpression("tags").getValueTypeDescriptor(context, row).getElementTypeDescriptor().getType())
                .isEqualTo(String.class);
    }

    @Test
    void anExpressionKeepsTheRecordAccessorFromOneReadToTheNextInsteadOfLookingItUpAgain() {
        ThymeleafEvaluationContext context = pageContext();
        SpelExpression expression = (SpelExpression) parser.parseExpression("name");
        expression.getValue(context, new Row("a", List.of()));
        SpelNode node = expression.getAST();
        // SpEL reuses a node's accessor only while it is one of the context's own accessors; the
        // reflective accessor's per-read "optimal" accessors never are, so every read looked again.
        assertThat(ReflectionTestUtils.getField(node, "cachedReadAccessor")).isSameAs(RecordPropertyAccessor.INSTANCE);
        assertThat(context.getPropertyAccessors()).contains(RecordPropertyAccessor.INSTANCE);
        assertThat(expression.getValue(context, new Row("b", List.of()))).isEqualTo("b");
    }

    @Test
    void anExpressionThatReadARecordAndThenHoldsSomethingElseFallsBackToThymeleafsAccessors() {
        ThymeleafEvaluationContext context = pageContext();
        SpelExpression expression = (SpelExpression) parser.parseExpression("name");
        assertThat(expression.getValue(context, new Row("row", List.of()))).isEqualTo("row");
        assertThat(expression.getValue(context, new Bean())).isEqualTo("bean");
        assertThat(expression.getValue(context, new Row("again", List.of()))).isEqualTo("again");
    }

    @Test
    void onlyRecordsOfTheApplicationAreReadNeverOtherTypesNorWritten() {
        RecordPropertyAccessor accessor = RecordPropertyAccessor.INSTANCE;
        assertThat(accessor.canRead(null, new Row("a", List.of()), "name")).isTrue();
        assertThat(accessor.canRead(null, new Row("a", List.of()), "hashCode")).isFalse();
        assertThat(accessor.canRead(null, new UnixDomainPrincipal(() -> "user", () -> "group"), "user"))
                .as("a JDK record").isFalse();
        assertThat(accessor.canRead(null, new Bean(), "name")).isFalse();
        assertThat(accessor.canRead(null, null, "name")).isFalse();
        assertThat(accessor.canWrite(null, new Row("a", List.of()), "name")).isFalse();
    }

    @Test
    void theAccessorIsAddedToAPageContextOnceAndFirst() {
        ThymeleafEvaluationContext context = pageContext();
        int size = context.getPropertyAccessors().size();
        RecordPropertyAccessor.addTo(context);
        assertThat(context.getPropertyAccessors()).hasSize(size).first().isSameAs(RecordPropertyAccessor.INSTANCE);
    }
}
