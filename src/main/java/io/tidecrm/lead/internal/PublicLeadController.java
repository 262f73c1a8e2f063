package io.tidecrm.lead.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tidecrm.support.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The website form (官网表单) at {@code /public/leads}: a page for visitors, and the same form as
 * JSON for the company website. Without sign-in, so it is protected otherwise: it answers 404 when
 * switched off; a request larger than {@link #MAX_BYTES} is refused (413); each client address may
 * send a limited number per hour (429); a filled honeypot field is answered like a success and
 * stored nowhere; the fields are validated strictly (a way to reach the person is required). A lead
 * arrives as new, with source 官网表单, and a rule that assigns on arrival may take it at once.
 */
@Controller
class PublicLeadController {

    static final int MAX_BYTES = 8 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PublicLeadController.class);

    private final LeadService leads;
    private final LeadRules rules;
    private final PublicFormThrottle throttle;
    private final Validator validator;
    private final JsonMapper json;
    private final MessageSource messages;

    PublicLeadController(LeadService leads, LeadRules rules, PublicFormThrottle throttle, Validator validator,
            JsonMapper json, MessageSource messages) {
        this.leads = leads;
        this.rules = rules;
        this.throttle = throttle;
        this.validator = validator;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/public/leads")
    String page(Model model) {
        requireOn();
        model.addAttribute("form", PublicLeadForm.empty());
        return "lead/public";
    }

    @PostMapping(value = "/public/leads", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String submit(@ModelAttribute("form") PublicLeadForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        LeadSettings settings = requireOn();
        if (sizeOf(request) > MAX_BYTES) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            model.addAttribute("refused", "lead.public.tooLarge");
            return "lead/public";
        }
        if (!throttle.allow(request.getRemoteAddr(), settings.publicFormPerHour())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("refused", "lead.public.tooMany");
            return "lead/public";
        }
        if (form.isRobot()) {
            log.info("Website form: honeypot filled from {}, dropped", request.getRemoteAddr());
            return "lead/public-thanks";
        }
        for (ConstraintViolation<PublicLeadForm> v : validator.validate(form)) {
            result.rejectValue(v.getPropertyPath().toString(), "public", v.getMessage());
        }
        if (!result.hasFieldErrors("mobile") && !result.hasFieldErrors("email") && !form.hasWayToReach()) {
            result.rejectValue("mobile", "lead.public.reachRequired");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "lead/public";
        }
        leads.create(form.toLeadForm(), null);
        return "lead/public-thanks";
    }

    @PostMapping(value = "/public/leads", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> submitJson(HttpServletRequest request, Locale locale) throws IOException {
        LeadSettings settings = requireOn();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES || request.getContentLengthLong() > MAX_BYTES) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, "lead.public.tooLarge", locale);
        }
        if (!throttle.allow(request.getRemoteAddr(), settings.publicFormPerHour())) {
            return answer(HttpStatus.TOO_MANY_REQUESTS, "lead.public.tooMany", locale);
        }
        PublicLeadForm form;
        try {
            form = json.readValue(body, PublicLeadForm.class);
        } catch (RuntimeException e) {
            return answer(HttpStatus.BAD_REQUEST, "lead.public.badJson", locale);
        }
        if (form == null) {
            return answer(HttpStatus.BAD_REQUEST, "lead.public.badJson", locale);
        }
        if (form.isRobot()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("status", "received"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ConstraintViolation<PublicLeadForm>> violations = validator.validate(form);
        for (ConstraintViolation<PublicLeadForm> v : violations) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        if (!errors.containsKey("mobile") && !errors.containsKey("email") && !form.hasWayToReach()) {
            errors.put("mobile", messages.getMessage("lead.public.reachRequired", null, locale));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("status", "invalid", "errors", errors));
        }
        try {
            leads.create(form.toLeadForm(), null);
        } catch (RuleViolation e) {
            return ResponseEntity.badRequest().body(Map.of("status", "invalid", "errors",
                    Map.of(e.violations().get(0).field() == null ? "form" : e.violations().get(0).field(),
                            messages.getMessage(e.messageKey(), e.args(), locale))));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("status", "received"));
    }

    /** The size of a form submission: its body as sent, or (no length given) its fields. */
    private static long sizeOf(HttpServletRequest request) {
        long fields = 0;
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            fields += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            for (String value : e.getValue()) {
                fields += value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2;
            }
        }
        return Math.max(request.getContentLengthLong(), fields);
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatus status, String key, Locale locale) {
        return ResponseEntity.status(status).body(Map.of("status", "refused", "message",
                messages.getMessage(key, null, locale)));
    }

    private LeadSettings requireOn() {
        LeadSettings settings = rules.settings();
        if (!settings.publicForm()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return settings;
    }
}
