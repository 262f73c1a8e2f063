package io.tidecrm.web;

import java.util.Set;

import io.tidecrm.support.FieldLabels;
import io.tidecrm.support.ListQuery;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Messages of refused input name the field and say what is wanted, in the reader's language:
 * the bundles hold one message per constraint ({@code NotBlank=请填写{0}。}) and per type
 * ({@code typeMismatch.java.math.BigDecimal}), and {0} is the field's label from
 * {@link FieldLabels}, never the framework's wording or the Java field name.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    /** Bean Validation with the field's label as the first message argument. */
    @Bean
    static LocalValidatorFactoryBean defaultValidator(ApplicationContext context) {
        LocalValidatorFactoryBean validator = new LabellingValidator();
        validator.setMessageInterpolator(new MessageInterpolatorFactory(context).getObject());
        return validator;
    }

    private static final class LabellingValidator extends LocalValidatorFactoryBean {

        /** The form being validated, for its field labels (the adapter passes only names down). */
        private static final ThreadLocal<Class<?>> FORM = new ThreadLocal<>();

        @Override
        protected void processConstraintViolations(Set<ConstraintViolation<Object>> violations, Errors errors) {
            Object target = errors instanceof BindingResult result ? result.getTarget() : null;
            FORM.set(target == null ? null : target.getClass());
            try {
                super.processConstraintViolations(violations, errors);
            } finally {
                FORM.remove();
            }
        }

        @Override
        protected MessageSourceResolvable getResolvableField(String objectName, String field) {
            return FieldLabels.of(FORM.get(), field);
        }

        /**
         * A constraint with a message of its own ({@code message = "{contract.amount.positive}"})
         * keeps it: its code then matches no generic key of the bundles.
         */
        @Override
        protected String determineErrorCode(ConstraintDescriptor<?> descriptor) {
            Object message = descriptor.getAttributes().get("message");
            String code = super.determineErrorCode(descriptor);
            return message instanceof String m && !m.startsWith("{jakarta.validation.constraints.")
                    ? code + ".explicit" : code;
        }
    }

    /** Type mismatches ("abc" for an amount) named the same way. */
    @ControllerAdvice
    static class FieldLabelBinding {

        @InitBinder
        void nameFieldsInBindingErrors(WebDataBinder binder) {
            ResolvableType type = binder.getTargetType();
            if (type != null && ListQuery.class.isAssignableFrom(type.toClass())
                    || binder.getBindingErrorProcessor().getClass() != DefaultBindingErrorProcessor.class) {
                // A list's address is bound leniently (ListQueryBinding): its bad values are left out.
                return;
            }
            Class<?> form = binder.getTarget() != null ? binder.getTarget().getClass()
                    : type == null ? null : type.resolve();
            binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
                @Override
                protected Object[] getArgumentsForBindError(String objectName, String field) {
                    return new Object[] { FieldLabels.of(form, field) };
                }
            });
        }
    }
}
