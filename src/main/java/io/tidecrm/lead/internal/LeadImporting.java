package io.tidecrm.lead.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.lead.LeadImport;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One spreadsheet row as the lead form would take it: the cells become a {@link LeadForm}, checked
 * by the same Bean Validation and tag rules, then the duplicate check of {@link LeadDuplicates}
 * (leads, customers with the pool, contacts) refuses a possible duplicate, naming it and its owner
 * (masked when the importer may not see it), before {@link LeadService#create} records the lead
 * and the arrival rules assign it.
 */
@Service
@Transactional
class LeadImporting implements LeadImport {

    private static final Map<String, String> FORM_FIELDS = Map.ofEntries(Map.entry("companyName", "COMPANY_NAME"),
            Map.entry("creditCode", "CREDIT_CODE"), Map.entry("contactName", "CONTACT_NAME"),
            Map.entry("title", "TITLE"), Map.entry("mobile", "MOBILE"), Map.entry("email", "EMAIL"),
            Map.entry("wechatId", "WECHAT_ID"), Map.entry("region", "REGION"), Map.entry("industry", "INDUSTRY"),
            Map.entry("source", "SOURCE"), Map.entry("sourceDetail", "SOURCE_DETAIL"),
            Map.entry("purchaseIntent", "PURCHASE_INTENT"), Map.entry("budget", "BUDGET"),
            Map.entry("purchaseTimeline", "PURCHASE_TIMELINE"), Map.entry("painPoints", "PAIN_POINTS"),
            Map.entry("companySize", "COMPANY_SIZE"), Map.entry("founded", "FOUNDED"),
            Map.entry("mainBusiness", "MAIN_BUSINESS"), Map.entry("tags", "TAGS"), Map.entry("remarks", "REMARKS"));

    private final LeadService leads;
    private final LeadDuplicates duplicates;
    private final Validator validator;
    private final Map<String, LeadSource> sourcesByLabel = new HashMap<>();
    private final List<String> sourceCodes = new ArrayList<>();

    LeadImporting(LeadService leads, LeadDuplicates duplicates, Validator validator, MessageSource messages) {
        this.leads = leads;
        this.duplicates = duplicates;
        this.validator = validator;
        for (LeadSource source : LeadSource.values()) {
            sourcesByLabel.put(fold(source.name()), source);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                sourcesByLabel.put(fold(messages.getMessage("lead.source." + source.name(), null, source.name(), locale)),
                        source);
            }
            sourceCodes.add(source.name());
        }
    }

    @Override
    public List<String> sourceCodes() {
        return sourceCodes;
    }

    /** A refusal comes before any write, so it leaves the caller's transaction usable (see {@link LeadImport}). */
    @Override
    @Transactional(noRollbackFor = RuleViolation.class)
    public Outcome importRow(Map<Field, String> row, CurrentUser importer) {
        if (importer.role() == Role.REP) {
            throw new AccessDeniedException("Reps do not import");
        }
        LeadForm form = form(row);
        List<LeadDuplicates.Match> found = duplicates.find(form.companyName(), form.creditCode(), form.mobile(),
                form.email(), null, importer);
        if (!found.isEmpty()) {
            LeadDuplicates.Match m = found.get(0);
            throw new RuleViolation(field(m.matchedOn()), "lead.import.duplicate",
                    new DefaultMessageSourceResolvable("lead.duplicates.kind." + m.kind()), m.name(),
                    m.ownerName() != null ? m.ownerName()
                            : new DefaultMessageSourceResolvable(m.kind().equals("LEAD") ? "lead.import.pool"
                                    : "lead.import.customerPool"));
        }
        long id = leads.create(form, importer);
        return new Outcome(id, leads.ownerOf(id));
    }

    /** The form from the row, refused with every problem at once on the row's columns. */
    private LeadForm form(Map<Field, String> row) {
        RuleViolation.Collector refused = RuleViolation.collect();
        LeadSource source = LeadSource.OTHER;
        String sourceText = cell(row, Field.SOURCE);
        if (!sourceText.isEmpty()) {
            String code = sourceText.contains("·") ? sourceText.substring(0, sourceText.indexOf('·')) : sourceText;
            source = sourcesByLabel.get(fold(code));
            if (source == null) {
                refused.add(Field.SOURCE.name(), "lead.import.unknownSource", label(Field.SOURCE), sourceText);
                source = LeadSource.OTHER;
            }
        }
        LeadForm form = new LeadForm(cell(row, Field.COMPANY_NAME), cell(row, Field.CREDIT_CODE),
                cell(row, Field.CONTACT_NAME), cell(row, Field.TITLE), cell(row, Field.MOBILE), cell(row, Field.EMAIL),
                cell(row, Field.WECHAT_ID), cell(row, Field.REGION), cell(row, Field.INDUSTRY), source,
                cell(row, Field.SOURCE_DETAIL), cell(row, Field.PURCHASE_INTENT), cell(row, Field.BUDGET),
                cell(row, Field.PURCHASE_TIMELINE), cell(row, Field.PAIN_POINTS), cell(row, Field.COMPANY_SIZE),
                cell(row, Field.FOUNDED), cell(row, Field.MAIN_BUSINESS), List.of(), cell(row, Field.TAGS),
                cell(row, Field.REMARKS), null);
        for (ConstraintViolation<LeadForm> v : validator.validate(form)) {
            String property = v.getPropertyPath().toString();
            String field = FORM_FIELDS.getOrDefault(property, Field.COMPANY_NAME.name());
            refused.add(field, "lead.import.invalid", label(Field.valueOf(field)), v.getMessage());
        }
        try {
            // The form's tag rules (count, length), checked here so that the refusal comes before any write.
            LeadService.parseTags(form.tags());
        } catch (RuleViolation e) {
            e.violations().forEach(v -> refused.add(Field.TAGS.name(), v.messageKey(), v.argArray()));
        }
        refused.throwIfAny();
        return form;
    }

    private static String field(String matchedOn) {
        return switch (matchedOn) {
            case "CREDIT_CODE" -> Field.CREDIT_CODE.name();
            case "MOBILE" -> Field.MOBILE.name();
            case "EMAIL" -> Field.EMAIL.name();
            default -> Field.COMPANY_NAME.name();
        };
    }

    private static DefaultMessageSourceResolvable label(Field field) {
        return new DefaultMessageSourceResolvable(field.labelKey());
    }

    private static String cell(Map<Field, String> row, Field field) {
        String value = row.get(field);
        return value == null ? "" : value.strip();
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s·_]+", "");
    }
}
