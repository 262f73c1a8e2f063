package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.tidecrm.customer.CustomerIntake;
import io.tidecrm.customer.CustomerIntake.NewContact;
import io.tidecrm.customer.CustomerIntake.NewCustomer;
import io.tidecrm.followup.FollowUpManagement;
import io.tidecrm.followup.FollowUpManagement.PastFollowUp;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.lead.LeadConverted;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversion (转化) in one transaction: the customer of the lead's owner with its contact (the
 * customer module's duplicate check and the owner's cap; its clock starts now; "customer obtained"
 * with kind CONVERTED), or the contact on an existing customer the user may see; then the lead's
 * follow-ups onto the customer's timeline, marked as from the lead; then the lead itself, by a
 * conditional update on its state and version, so that a second conversion of the same lead
 * rolls everything back.
 */
@Service
@Transactional
class LeadConversion {

    private final LeadAccess access;
    private final LeadService leads;
    private final CustomerIntake customers;
    private final FollowUpManagement followUps;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final io.tidecrm.sales.OpportunityIntake opportunities;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    LeadConversion(LeadAccess access, LeadService leads, CustomerIntake customers, FollowUpManagement followUps,
            UserManagement users, JdbcClient jdbc, io.tidecrm.sales.OpportunityIntake opportunities,
            ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.opportunities = opportunities;
        this.access = access;
        this.leads = leads;
        this.customers = customers;
        this.followUps = followUps;
        this.users = users;
        this.jdbc = jdbc;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** Converts the lead; returns the customer's id. */
    long convert(long id, ConversionForm form, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        if (!access.mayWork(lead, viewer) || lead.ownerId() == null) {
            throw new RuleViolation(null, "lead.notYours");
        }
        if (!LeadStatus.CONVERTIBLE.contains(lead.status())) {
            throw new RuleViolation(null, "lead.convert.notContactable");
        }
        Instant now = clock.instant();
        NewContact contact = new NewContact(form.contactName().strip(), form.contactTitle(), form.mobile(), form.email(),
                form.wechatId());
        long customerId;
        boolean attached = form.attachTo() != null;
        if (attached) {
            customerId = form.attachTo();
            customers.addContact(customerId, contact, viewer);
        } else {
            if (form.customerSource().isReferral() && LeadRules.blankToNull(form.referrer()) == null) {
                throw new RuleViolation("referrer", "customer.referrer.required");
            }
            String remarks = messages.getMessage("lead.convert.remarks",
                    new Object[] { messages.getMessage("lead.source." + lead.source(), null, Locale.SIMPLIFIED_CHINESE),
                            lead.sourceDetail() == null ? "" : lead.sourceDetail() },
                    Locale.SIMPLIFIED_CHINESE);
            customerId = customers.createConverted(new NewCustomer(form.name(), form.creditCode(), form.type(),
                    form.region(), form.industry(), form.customerSource(), form.referrer(), remarks, lead.tags(),
                    lead.ownerId()), contact, viewer);
        }
        if (LeadRules.blankToNull(form.opportunityTitle()) != null) {
            if (form.opportunityCloseDate() == null) {
                throw new RuleViolation("opportunityCloseDate", "lead.convert.opportunityCloseDate.required");
            }
            opportunities.createConfirmed(customerId, form.opportunityTitle().strip(), form.opportunityAmount(),
                    form.opportunityCloseDate(), viewer);
        }
        List<PastFollowUp> history = jdbc.sql("""
                SELECT author_id, kind, occurred_at, recorded_at, content FROM lead_follow_up WHERE lead_id = ? ORDER BY id
                """)
                .param(id)
                .query((rs, n) -> new PastFollowUp(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
        if (!history.isEmpty()) {
            String label = messages.getMessage("lead.timelineLabel", new Object[] { lead.companyName() },
                    Locale.SIMPLIFIED_CHINESE);
            followUps.importHistory(customerId, "LEAD", id, label, history);
        }
        LeadService.changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'CONVERTED', customer_id = :customer, converted_at = :now, updated_at = :now,
                       version = version + 1
                WHERE id = :id AND status IN ('CONTACTABLE', 'NURTURING') AND version = :version
                """)
                .param("customer", customerId).param("now", Timestamp.from(now)).param("id", id)
                .param("version", LeadService.versionOf(form.version()))
                .update());
        leads.event(id, attached ? "ATTACHED" : "CONVERTED", viewer.id(), lead.ownerId(), null, now, null);
        events.publishEvent(new LeadConverted(id, customerId, lead.companyName(), attached, lead.ownerId(),
                users.findUser(lead.ownerId()).map(UserSummary::teamId).orElse(null), lead.source().name(),
                lead.ruleId(), viewer.id(), now, LocalDate.ofInstant(now, clock.getZone())));
        return customerId;
    }
}
