package io.tidecrm.lead.internal;

import java.util.List;
import java.util.Set;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.lead.LeadDuplicateException;
import io.tidecrm.lead.LeadRecords;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.Where;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link LeadRecords} on the lead module's services: the form's validation, duplicate check and creation. */
@Service
@Transactional
class LeadRecordService implements LeadRecords {

    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("l.id");

    private final LeadAccess access;
    private final LeadDuplicates duplicates;
    private final LeadService leads;
    private final JdbcClient jdbc;
    private final Validator validator;

    LeadRecordService(LeadAccess access, LeadDuplicates duplicates, LeadService leads, JdbcClient jdbc,
            Validator validator) {
        this.access = access;
        this.duplicates = duplicates;
        this.leads = leads;
        this.jdbc = jdbc;
        this.validator = validator;
    }

    @Override
    @Transactional(readOnly = true)
    public KeysetPage<LeadData> list(String cursor, int pageSize, CurrentUser viewer) {
        Where where = access.readable(viewer).after(NEWEST_FIRST, cursor);
        List<LeadData> rows = jdbc.sql("SELECT " + Lead.COLUMNS + " FROM sales_lead l WHERE " + where.sql()
                + " ORDER BY " + NEWEST_FIRST.orderBy() + " LIMIT " + (pageSize + 1))
                .params(where.params())
                .query((rs, n) -> data(Lead.of(rs)))
                .list();
        return KeysetPage.of(rows, pageSize, LeadData::id);
    }

    @Override
    @Transactional(readOnly = true)
    public LeadData get(long leadId, CurrentUser viewer) {
        return data(access.loadReadable(leadId, viewer));
    }

    @Override
    public LeadData create(LeadInput input, boolean duplicatesAccepted, CurrentUser creator) {
        LeadForm form = valid(form(input));
        if (!duplicatesAccepted) {
            requireNoDuplicate(form, creator);
        }
        long id = leads.create(form, creator);
        return jdbc.sql("SELECT " + Lead.COLUMNS + " FROM sales_lead l WHERE l.id = ?").param(id)
                .query((rs, n) -> data(Lead.of(rs))).single();
    }

    /** Refuses a lead that may duplicate a lead, customer or contact, naming the matches. */
    void requireNoDuplicate(LeadForm form, CurrentUser viewer) {
        List<LeadDuplicates.Match> found = duplicates.find(form.companyName(), form.creditCode(), form.mobile(),
                form.email(), null, viewer);
        if (!found.isEmpty()) {
            throw new LeadDuplicateException(found.stream().map(m -> new LeadDuplicateException.Match(m.kind(), m.id(),
                    m.name(), m.matchedOn(), m.ownerName(), m.inPool())).toList());
        }
    }

    /** The form of an input; an unknown source is refused on its field. */
    static LeadForm form(LeadInput in) {
        LeadSource source = LeadSource.OTHER;
        if (in.source() != null && !in.source().isBlank()) {
            try {
                source = LeadSource.valueOf(in.source().strip());
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("source", "lead.source.unknown", in.source().strip());
            }
        }
        return new LeadForm(nz(in.companyName()), nz(in.creditCode()), nz(in.contactName()), nz(in.title()),
                nz(in.mobile()), nz(in.email()), nz(in.wechatId()), nz(in.region()), nz(in.industry()), source,
                nz(in.sourceDetail()), nz(in.purchaseIntent()), nz(in.budget()), nz(in.purchaseTimeline()),
                nz(in.painPoints()), nz(in.companySize()), nz(in.founded()), nz(in.mainBusiness()),
                in.unverified() == null ? List.of() : in.unverified(),
                in.tags() == null ? "" : String.join(", ", in.tags()), nz(in.remarks()), null);
    }

    private LeadForm valid(LeadForm form) {
        Set<ConstraintViolation<LeadForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return form;
    }

    static LeadData data(Lead l) {
        return new LeadData(l.id(), l.companyName(), l.creditCode(), l.contactName(), l.title(), l.mobile(), l.email(),
                l.wechatId(), l.region(), l.industry(), l.source().name(), l.sourceDetail(), l.purchaseIntent(),
                l.budget(), l.purchaseTimeline(), l.painPoints(), l.companySize(), l.founded(), l.mainBusiness(),
                l.unverified(), l.tags(), l.remarks(), l.status().name(), l.ownerId(), l.ruleId(), l.assignedAt(),
                l.confirmDue(), l.customerId(), l.createdAt(), l.version());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
