package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tidecrm.support.FieldLabels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Every field of every form names itself in both languages, so that a refused value's message
 * says which field it is ("请填写客户名称"), never the Java field name.
 */
class FieldLabelTests {

    private static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Test
    void everyFieldOfEveryFormHasALabelInBothLanguages() throws Exception {
        MessageSource messages = MessageBundles.messageSource();
        List<String> unlabelled = new ArrayList<>();
        List<Class<?>> forms = forms();
        assertThat(forms).hasSizeGreaterThan(10);
        for (Class<?> form : forms) {
            for (String field : FieldLabels.fieldsOf(form)) {
                for (Locale locale : LOCALES) {
                    try {
                        messages.getMessage(new org.springframework.context.support.DefaultMessageSourceResolvable(
                                FieldLabels.codes(form, field)), locale);
                    } catch (NoSuchMessageException e) {
                        unlabelled.add(form.getSimpleName() + "." + field + " (" + locale + "): add "
                                + String.join(" or ", FieldLabels.codes(form, field)));
                    }
                }
            }
        }
        assertThat(unlabelled).isEmpty();
    }

    /** Every record whose name ends in "Form" under the application package. */
    private static List<Class<?>> forms() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Form")));
        List<Class<?>> forms = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("io.tidecrm")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            if (type.isRecord()) {
                forms.add(type);
            }
        }
        return forms;
    }

}
