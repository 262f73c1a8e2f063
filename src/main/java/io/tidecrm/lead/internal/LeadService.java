package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerIntake;
import io.tidecrm.followup.FollowUpManagement;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.lead.LeadMarkedInvalid;
import io.tidecrm.lead.internal.LeadActionForms.AssignForm;
import io.tidecrm.lead.internal.LeadActionForms.CloseForm;
import io.tidecrm.lead.internal.LeadActionForms.FollowUpForm;
import io.tidecrm.lead.internal.LeadActionForms.InvalidForm;
import io.tidecrm.lead.internal.LeadActionForms.ReviewDecision;
import io.tidecrm.lead.internal.LeadActionForms.ReviewForm;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording leads and moving them on. Every change of state is one conditional update on the state
 * (and, from a page, the version the user saw), so that of two people acting at once exactly one
 * wins and the other is told the lead changed. Every change adds a row to the lead's history.
 */
@Service
@Transactional
class LeadService {

    /** Follow-ups are written within 24 hours of the contact, as a customer's. */
    static final Duration MAX_AGE = Duration.ofHours(24);

    private final LeadAccess access;
    private final LeadAssignment assignment;
    private final LeadRules rules;
    private final CustomerIntake customers;
    private final FollowUpManagement followUps;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadService(LeadAccess access, LeadAssignment assignment, LeadRules rules, CustomerIntake customers,
            FollowUpManagement followUps, UserManagement users, JdbcClient jdbc, ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.assignment = assignment;
        this.rules = rules;
        this.customers = customers;
        this.followUps = followUps;
        this.users = users;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new lead, unassigned (in the lead pool) unless a rule that assigns on arrival takes it. A
     * rep who records a lead keeps it. {@code creator} is null for the website form.
     */
    long create(LeadForm form, CurrentUser creator) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO sales_lead (company_name, name_key, credit_code, contact_name, title, mobile, email, wechat_id,
                       region, industry, source, source_detail, purchase_intent, budget, purchase_timeline, pain_points,
                       company_size, founded, main_business, unverified, tags, remarks, status, created_by_id,
                       created_at, updated_at)
                VALUES (:company, :key, :code, :contact, :title, :mobile, :email, :wechat, :region, :industry, :source,
                        :sourceDetail, :intent, :budget, :timeline, :pain, :size, :founded, :business,
                        CAST(:unverified AS text[]), CAST(:tags AS text[]), :remarks, 'NEW', :creator, :now, :now)
                RETURNING id
                """)
                .params(fields(form))
                .param("creator", creator == null ? null : creator.id())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        event(id, "CREATED", creator == null ? null : creator.id(), null, null, now, null);
        if (creator != null && creator.role() == Role.REP) {
            giveTo(id, creator.id(), null, creator.id(), "KEPT", now);
        } else {
            assignment.assign(List.of(id), true, Map.of());
        }
        return id;
    }

    /** The lead's owner now (null: in the lead pool). */
    @Transactional(readOnly = true)
    Long ownerOf(long id) {
        return jdbc.sql("SELECT owner_id FROM sales_lead WHERE id = ?").param(id)
                .query((rs, n) -> java.util.Optional.ofNullable((Long) rs.getObject(1))).single().orElse(null);
    }

    void update(long id, LeadForm form, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        requireWorker(lead, viewer);
        if (!lead.status().isOpen()) {
            throw new RuleViolation(null, "lead.closedForEdit");
        }
        changed(jdbc.sql("""
                UPDATE sales_lead SET company_name = :company, name_key = :key, credit_code = :code,
                       contact_name = :contact, title = :title, mobile = :mobile, email = :email, wechat_id = :wechat,
                       region = :region, industry = :industry, source = :source, source_detail = :sourceDetail,
                       purchase_intent = :intent, budget = :budget, purchase_timeline = :timeline, pain_points = :pain,
                       company_size = :size, founded = :founded, main_business = :business,
                       unverified = CAST(:unverified AS text[]), tags = CAST(:tags AS text[]), remarks = :remarks,
                       updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version AND status NOT IN ('CONVERTED', 'CLOSED')
                """)
                .params(fields(form))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("version", versionOf(form.version()))
                .update());
    }

    private Map<String, Object> fields(LeadForm f) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("company", f.companyName().strip());
        p.put("key", customers.nameKey(f.companyName()));
        p.put("code", LeadRules.blankToNull(f.creditCode()) == null ? null
                : f.creditCode().strip().toUpperCase(java.util.Locale.ROOT));
        p.put("contact", f.contactName().strip());
        p.put("title", LeadRules.blankToNull(f.title()));
        p.put("mobile", LeadRules.blankToNull(f.mobile()));
        p.put("email", LeadRules.blankToNull(f.email()));
        p.put("wechat", LeadRules.blankToNull(f.wechatId()));
        p.put("region", LeadRules.blankToNull(f.region()));
        p.put("industry", LeadRules.blankToNull(f.industry()));
        p.put("source", f.source().name());
        p.put("sourceDetail", LeadRules.blankToNull(f.sourceDetail()));
        p.put("intent", LeadRules.blankToNull(f.purchaseIntent()));
        p.put("budget", LeadRules.blankToNull(f.budget()));
        p.put("timeline", LeadRules.blankToNull(f.purchaseTimeline()));
        p.put("pain", LeadRules.blankToNull(f.painPoints()));
        p.put("size", LeadRules.blankToNull(f.companySize()));
        p.put("founded", LeadRules.blankToNull(f.founded()));
        p.put("business", LeadRules.blankToNull(f.mainBusiness()));
        p.put("unverified", f.unverifiedFields().toArray(String[]::new));
        p.put("tags", parseTags(f.tags()).toArray(String[]::new));
        p.put("remarks", LeadRules.blankToNull(f.remarks()));
        return p;
    }

    static List<String> parseTags(String text) {
        return io.tidecrm.support.Tags.parse(text, "lead.tags");
    }

    /** assigned → contactable (可联系): the confirmation. */
    void confirm(long id, Long version, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        requireWorker(lead, viewer);
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'CONTACTABLE', confirmed_at = :now, updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'ASSIGNED' AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(version))
                .update());
        event(id, "CONFIRMED", viewer.id(), lead.ownerId(), null, now, null);
    }

    /** assigned → invalid (无效) with the reason, until a manager reviews it. */
    void markInvalid(long id, InvalidForm form, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        requireWorker(lead, viewer);
        Instant now = clock.instant();
        String reason = form.reason().strip();
        changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'INVALID', invalid_reason = :reason, confirmed_at = coalesce(confirmed_at, :now),
                       updated_at = :now, version = version + 1
                WHERE id = :id AND status IN ('ASSIGNED', 'CONTACTABLE') AND version = :version
                """)
                .param("reason", reason).param("now", Timestamp.from(now)).param("id", id)
                .param("version", versionOf(form.version()))
                .update());
        event(id, "MARKED_INVALID", viewer.id(), lead.ownerId(), null, now, reason);
        Set<Long> reviewers = new HashSet<>(users.managersOf(lead.ownerId()));
        if (reviewers.isEmpty()) {
            reviewers.addAll(users.enabledAdminIds());
        }
        events.publishEvent(new LeadMarkedInvalid(id, lead.companyName(), lead.ownerId(), nameOf(lead.ownerId()),
                reason, reviewers, now));
    }

    /** The manager's review of an invalid mark: invalid → closed, or to another rep (named, or by the rules). */
    void review(long id, ReviewForm form, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        if (!access.mayManage(lead, viewer)) {
            throw new RuleViolation(null, "lead.review.notAllowed");
        }
        Instant now = clock.instant();
        if (form.decision() == ReviewDecision.CLOSE) {
            changed(jdbc.sql("""
                    UPDATE sales_lead SET status = 'CLOSED', close_reason = invalid_reason, updated_at = :now,
                           version = version + 1
                    WHERE id = :id AND status = 'INVALID' AND version = :version
                    """)
                    .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(form.version()))
                    .update());
            event(id, "INVALID_CONFIRMED", viewer.id(), lead.ownerId(), null, now, lead.invalidReason());
            return;
        }
        if (form.userId() != null) {
            requireAssignee(form.userId(), viewer, "userId");
        }
        changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'NEW', owner_id = NULL, returned_at = :now, confirm_due = NULL,
                       updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'INVALID' AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(form.version()))
                .update());
        event(id, "INVALID_REJECTED", viewer.id(), lead.ownerId(), null, now, lead.invalidReason());
        if (form.userId() != null) {
            giveTo(id, form.userId(), null, viewer.id(), "ASSIGNED", now);
        } else {
            assignment.assign(List.of(id), false, Map.of(id, lead.ownerId()));
        }
    }

    /** A manager or administrator gives an unassigned or assigned lead to a rep. */
    void assign(long id, AssignForm form, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        if (!access.mayManage(lead, viewer)) {
            throw new RuleViolation(null, "lead.assign.notAllowed");
        }
        requireAssignee(form.userId(), viewer, "userId");
        if (form.userId().equals(lead.ownerId())) {
            throw new RuleViolation("userId", "lead.assign.sameOwner");
        }
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'NEW', owner_id = NULL, updated_at = :now, version = version + 1
                WHERE id = :id AND status IN ('NEW', 'ASSIGNED') AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(form.version()))
                .update());
        giveTo(id, form.userId(), null, viewer.id(), "ASSIGNED", now);
    }

    /** contactable → nurturing (培育中). */
    void nurture(long id, Long version, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        requireWorker(lead, viewer);
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'NURTURING', updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'CONTACTABLE' AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(version)).update());
        event(id, "NURTURING", viewer.id(), lead.ownerId(), null, now, null);
    }

    /** contactable or nurturing → closed, with the reason. */
    void close(long id, CloseForm form, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        requireWorker(lead, viewer);
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'CLOSED', close_reason = :reason, updated_at = :now, version = version + 1
                WHERE id = :id AND status IN ('CONTACTABLE', 'NURTURING') AND version = :version
                """)
                .param("reason", form.reason().strip()).param("now", Timestamp.from(now)).param("id", id)
                .param("version", versionOf(form.version())).update());
        event(id, "CLOSED", viewer.id(), lead.ownerId(), null, now, form.reason().strip());
    }

    /** The owner gives the lead back to the lead pool (returned). */
    void returnToPool(long id, Long version, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        requireWorker(lead, viewer);
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE sales_lead SET status = 'NEW', owner_id = NULL, returned_at = :now, confirm_due = NULL,
                       updated_at = :now, version = version + 1
                WHERE id = :id AND status IN ('ASSIGNED', 'CONTACTABLE', 'NURTURING') AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(version)).update());
        event(id, "RETURNED", viewer.id(), lead.ownerId(), null, now, null);
    }

    /**
     * A rep picks a lead from the lead pool, up to the daily limit. The limit is counted under a
     * lock on the rep, and the lead is taken by a conditional update (only while unassigned): of
     * two reps picking one lead, exactly one wins.
     */
    void pick(long id, CurrentUser viewer) {
        access.loadReadable(id, viewer);
        if (viewer.role() == Role.ADMIN) {
            throw new RuleViolation(null, "lead.pick.notAllowed");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, CAST(:user AS integer))")
                .param("ns", LeadAssignment.LOCK_NAMESPACE + 1).param("user", viewer.id()).query().listOfRows();
        Instant now = clock.instant();
        Instant dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        long picked = jdbc.sql("""
                SELECT count(*) FROM lead_event WHERE owner_id = :user AND kind = 'PICKED' AND actor_id = :user AND at >= :since
                """)
                .param("user", viewer.id()).param("since", Timestamp.from(dayStart)).query(Long.class).single();
        int limit = rules.settings().poolDailyLimit();
        if (picked >= limit) {
            throw new RuleViolation(null, "lead.pick.limit", limit);
        }
        giveTo(id, viewer.id(), null, viewer.id(), "PICKED", now);
    }

    /** Gives an unassigned lead to a user: conditional on it being unassigned; starts the confirmation clock. */
    private void giveTo(long id, long userId, Long ruleId, Long actorId, String kind, Instant now) {
        Instant due = assignment.confirmDue(now);
        String company = jdbc.sql("""
                UPDATE sales_lead SET status = 'ASSIGNED', owner_id = :owner, rule_id = :rule, assigned_at = :now,
                       confirm_due = :due, confirmed_at = NULL, missed_at = NULL, updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'NEW'
                RETURNING company_name
                """)
                .param("owner", userId).param("rule", ruleId).param("now", Timestamp.from(now))
                .param("due", Timestamp.from(due)).param("id", id)
                .query(String.class).optional()
                .orElseThrow(() -> new RuleViolation(null, "lead.pick.taken"));
        event(id, kind, actorId, userId, ruleId, now, null);
        if (actorId == null || actorId != userId) {
            assignment.announce(List.of(new LeadAssignment.Assigned(id, userId, ruleId, company, due)), now);
        }
    }

    /** A follow-up on a lead being worked; the first one is the first contact. */
    long followUp(long id, FollowUpForm form, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        requireWorker(lead, viewer);
        if (!LeadStatus.WORKING.contains(lead.status())) {
            throw new RuleViolation(null, "lead.followUp.notWorking");
        }
        if (!followUps.kinds().contains(form.kind())) {
            throw new RuleViolation("kind", "lead.followUp.kind.invalid");
        }
        Instant now = clock.instant();
        Instant occurred = form.occurredAt().atZone(clock.getZone()).toInstant();
        if (occurred.isAfter(now)) {
            throw new RuleViolation("occurredAt", "followup.occurredAt.future");
        }
        if (occurred.isBefore(now.minus(MAX_AGE))) {
            throw new RuleViolation("occurredAt", "followup.occurredAt.tooOld");
        }
        Instant next = form.nextContactAt() == null ? null : form.nextContactAt().atZone(clock.getZone()).toInstant();
        if (next != null && !next.isAfter(occurred)) {
            throw new RuleViolation("nextContactAt", "followup.next.beforeOccurred");
        }
        long followUpId = jdbc.sql("""
                INSERT INTO lead_follow_up (lead_id, author_id, kind, occurred_at, recorded_at, content)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(id, viewer.id(), form.kind(), Timestamp.from(occurred), Timestamp.from(now), form.content().strip())
                .query(Long.class).single();
        jdbc.sql("""
                UPDATE sales_lead SET first_contact_at = coalesce(first_contact_at, :occurred),
                       next_contact_at = coalesce(:next, next_contact_at), updated_at = :now
                WHERE id = :id
                """)
                .param("occurred", Timestamp.from(occurred))
                .param("next", next == null ? null : Timestamp.from(next))
                .param("now", Timestamp.from(now)).param("id", id).update();
        return followUpId;
    }

    /** Whom the viewer may give a lead to: enabled reps and managers they manage (an administrator: all). */
    @Transactional(readOnly = true)
    List<UserSummary> assignees(CurrentUser viewer) {
        return users.ownersVisibleTo(viewer).stream().filter(UserSummary::enabled).filter(u -> u.role() != Role.ADMIN)
                .toList();
    }

    private void requireAssignee(Long userId, CurrentUser viewer, String field) {
        if (userId == null || assignees(viewer).stream().noneMatch(u -> u.id() == userId)) {
            throw new RuleViolation(field, "lead.assign.invalidUser");
        }
    }

    void event(long leadId, String kind, Long actorId, Long ownerId, Long ruleId, Instant at, String body) {
        jdbc.sql("""
                INSERT INTO lead_event (lead_id, kind, actor_id, owner_id, rule_id, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(leadId, kind, actorId, ownerId, ruleId, Timestamp.from(at), body)
                .update();
    }

    private void requireWorker(Lead lead, CurrentUser viewer) {
        if (!access.mayWork(lead, viewer)) {
            throw new RuleViolation(null, "lead.notYours");
        }
    }

    private String nameOf(Long userId) {
        return userId == null ? null : users.findUser(userId).map(UserSummary::displayName).orElse("?");
    }

    static void changed(int updated) {
        if (updated == 0) {
            throw new RuleViolation(null, "lead.stale");
        }
    }

    static long versionOf(Long version) {
        return version == null ? -1 : version;
    }
}
