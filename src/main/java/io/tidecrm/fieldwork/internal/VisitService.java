package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.fieldwork.VisitCheckedIn;
import io.tidecrm.followup.FollowUpManagement;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a visit: planned, checked in (the distance measured, the customer's clock moved,
 * {@link VisitCheckedIn} published), checked out, and recorded once as a follow-up of kind 拜访.
 * Only the visit's owner checks in, out and records; the state changes are conditional updates,
 * so that a double tap never checks in twice.
 */
@Service
@Transactional
class VisitService {

    private final JdbcClient jdbc;
    private final VisitQueries queries;
    private final CustomerLocations locations;
    private final Commitments commitments;
    private final CustomerManagement customers;
    private final FollowUpManagement followUps;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final FieldworkProperties properties;
    private final Clock clock;

    VisitService(JdbcClient jdbc, VisitQueries queries, CustomerLocations locations, Commitments commitments,
            CustomerManagement customers,
            FollowUpManagement followUps, UserManagement users, ApplicationEventPublisher events,
            MessageSource messages, FieldworkProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.locations = locations;
        this.commitments = commitments;
        this.customers = customers;
        this.followUps = followUps;
        this.users = users;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Plans a visit of the viewer to a customer they can see. */
    long plan(long customerId, VisitPlanForm form, CurrentUser user) {
        CustomerRef customer = customers.findVisible(customerId, user);
        if (form.contactId() != null && customers.contactsById(customer.id(), Set.of(form.contactId())).isEmpty()) {
            throw new RuleViolation("contactId", "visit.contact.invalid");
        }
        Instant plannedAt = form.plannedAt().atZone(clock.getZone()).toInstant();
        if (plannedAt.isBefore(LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant())) {
            throw new RuleViolation("plannedAt", "visit.plannedAt.past");
        }
        return jdbc.sql("""
                INSERT INTO visit (customer_id, contact_id, owner_id, planned_at, place, purpose, created_at)
                VALUES (:customer, :contact, :owner, :planned, :place, :purpose, :now)
                RETURNING id
                """)
                .param("customer", customer.id())
                .param("contact", form.contactId())
                .param("owner", user.id())
                .param("planned", Timestamp.from(plannedAt))
                .param("place", blankToNull(form.place()))
                .param("purpose", form.purpose().strip())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** The outcome of a check-in, for the message on the visit page. */
    record CheckIn(CheckInFlag flag, Integer distanceMetres) {
    }

    /** A check-in at a customer in one step: the visit it went to, and the check-in's outcome (null: already there). */
    record CheckInNow(long visitId, CheckIn checkIn) {
    }

    /**
     * Checks in at a customer the viewer can see, unplanned, in one step: today's own planned visit
     * of the customer that is not checked in yet takes the check-in; otherwise a visit is created
     * now (purpose "unplanned visit", in the viewer's language) and checked in, in one transaction.
     * A visit of the customer the viewer checked in today and has not checked out answers instead
     * (a double tap makes no second visit; a lock on viewer and customer decides between two taps).
     */
    CheckInNow checkInNow(long customerId, CheckInForm form, CurrentUser user) {
        CustomerRef customer = customers.findVisible(customerId, user);
        if (customer.ownerId() == null) {
            throw new RuleViolation(null, "visit.checkInNow.pool");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "visit-now:" + user.id() + ":" + customer.id()).query((rs, n) -> 1).single();
        Instant now = clock.instant();
        Timestamp dayStart = Timestamp.from(LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant());
        Timestamp dayEnd = Timestamp.from(LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        Optional<Long> open = jdbc.sql("""
                SELECT id FROM visit WHERE owner_id = :me AND customer_id = :customer AND checked_in_at >= :from
                  AND checked_out_at IS NULL ORDER BY checked_in_at DESC LIMIT 1
                """).param("me", user.id()).param("customer", customer.id()).param("from", dayStart)
                .query(Long.class).optional();
        if (open.isPresent()) {
            return new CheckInNow(open.get(), null);
        }
        long visitId = jdbc.sql("""
                SELECT id FROM visit WHERE owner_id = :me AND customer_id = :customer AND checked_in_at IS NULL
                  AND planned_at >= :from AND planned_at < :until ORDER BY planned_at LIMIT 1
                """).param("me", user.id()).param("customer", customer.id()).param("from", dayStart)
                .param("until", dayEnd).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                        INSERT INTO visit (customer_id, owner_id, planned_at, purpose, created_at)
                        VALUES (:customer, :owner, :now, :purpose, :now) RETURNING id
                        """)
                        .param("customer", customer.id()).param("owner", user.id()).param("now", Timestamp.from(now))
                        .param("purpose", messages.getMessage("visit.unplanned.purpose", null,
                                LocaleContextHolder.getLocale()))
                        .query(Long.class).single());
        return new CheckInNow(visitId, checkIn(visitId, form, user));
    }

    /**
     * Checks in with what the browser reported, at the server's time. The distance is measured to
     * the customer's known location; without one, a fix accurate to within the radius sets it. No
     * location at all is allowed, and flagged. It counts as following up the customer: the clock
     * moves in this transaction.
     */
    CheckIn checkIn(long visitId, CheckInForm form, CurrentUser user) {
        VisitView visit = ownVisit(visitId, user);
        if (visit.checkedIn()) {
            throw new RuleViolation(null, "visit.checkIn.already");
        }
        Instant now = clock.instant();
        int radius = properties.checkInRadiusMetres();
        CheckInFlag flag;
        Integer distance = null;
        if (!form.located()) {
            flag = CheckInFlag.NO_LOCATION;
        } else {
            Optional<CustomerLocations.Location> known = locations.of(visit.customerId());
            if (known.isPresent()) {
                distance = (int) Math.round(Geo.distanceMetres(known.get().latitude(), known.get().longitude(),
                        form.latitude(), form.longitude()));
                flag = distance > radius ? CheckInFlag.FAR : CheckInFlag.WITHIN;
            } else if (form.accuracy() != null && form.accuracy() <= radius
                    && locations.setFromCheckIn(visit.customerId(), form.latitude(), form.longitude(), user.id(), now)) {
                distance = 0;
                flag = CheckInFlag.LOCATION_SET;
            } else {
                flag = CheckInFlag.NO_REFERENCE;
            }
        }
        int updated = jdbc.sql("""
                UPDATE visit SET checked_in_at = :now, latitude = :lat, longitude = :lng, accuracy_m = :accuracy,
                    distance_m = :distance, check_in_flag = :flag, version = version + 1
                WHERE id = :id AND checked_in_at IS NULL
                """)
                .param("now", Timestamp.from(now))
                .param("lat", form.located() ? form.latitude() : null)
                .param("lng", form.located() ? form.longitude() : null)
                .param("accuracy", form.located() ? form.accuracy() : null)
                .param("distance", distance)
                .param("flag", flag.name())
                .param("id", visitId)
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "visit.checkIn.already");
        }
        // A direct call in this transaction: the check-in and the clock it moves commit together (SPEC:
        // a check-in counts as following up the customer), so the nightly reclaim never takes it.
        customers.recordActivity(visit.customerId(), user, now);
        events.publishEvent(new VisitCheckedIn(visitId, user.id(),
                users.findUser(user.id()).map(UserSummary::teamId).orElse(null), visit.customerId(), now,
                LocalDate.ofInstant(now, clock.getZone()), flag.flagged()));
        return new CheckIn(flag, distance);
    }

    void checkOut(long visitId, CurrentUser user) {
        VisitView visit = ownVisit(visitId, user);
        if (!visit.checkedIn()) {
            throw new RuleViolation(null, "visit.checkOut.notCheckedIn");
        }
        int updated = jdbc.sql("""
                UPDATE visit SET checked_out_at = :now, version = version + 1
                WHERE id = :id AND checked_in_at IS NOT NULL AND checked_out_at IS NULL
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", visitId)
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "visit.checkOut.already");
        }
    }

    /**
     * Saves the visit record once, as a follow-up of kind 拜访 on the customer's timeline (written
     * through the followup module, which moves the clock), in one transaction. The follow-up's text
     * shows the template's sections under their headings, in the writer's language.
     */
    long record(long visitId, VisitRecordForm form, CurrentUser user) {
        VisitView visit = ownVisit(visitId, user);
        if (!visit.checkedIn()) {
            throw new RuleViolation(null, "visit.record.notCheckedIn");
        }
        if (visit.recorded()) {
            throw new RuleViolation(null, "visit.record.already");
        }
        commitments.check(form, user);
        Instant nextVisit = form.nextVisitAt() == null ? null : form.nextVisitAt().atZone(clock.getZone()).toInstant();
        long followUpId;
        try {
            followUpId = followUps.recordVisit(visit.customerId(), new FollowUpManagement.Visit(visit.checkedInAt(),
                    visit.contactId(), content(form), nextVisit), user);
        } catch (RuleViolation refused) {
            // The follow-up's own rules, said on this form's fields.
            throw refused.concerns("nextFollowUpAt") ? refused.onField("nextVisitAt") : refused.onField(null);
        }
        long recordId = jdbc.sql("""
                INSERT INTO visit_record (visit_id, author_id, purpose, discussion, objections, next_steps,
                                          next_visit_at, follow_up_id, recorded_at)
                VALUES (:visit, :author, :purpose, :discussion, :objections, :nextSteps, :nextVisit, :followUp, :now)
                ON CONFLICT (visit_id) DO NOTHING
                RETURNING id
                """)
                .param("visit", visitId)
                .param("author", user.id())
                .param("purpose", form.purpose().strip())
                .param("discussion", form.discussion().strip())
                .param("objections", blankToNull(form.objections()))
                .param("nextSteps", blankToNull(form.nextSteps()))
                .param("nextVisit", nextVisit == null ? null : Timestamp.from(nextVisit))
                .param("followUp", followUpId)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RuleViolation(null, "visit.record.already"));
        commitments.add(visit, form, user);
        return recordId;
    }

    /** Sets the customer's location by hand (anyone who may see the customer). */
    void setLocation(long customerId, CustomerLocationForm form, CurrentUser user) {
        customers.findVisible(customerId, user);
        locations.set(customerId, form.latitude(), form.longitude(), user.id(), clock.instant());
    }

    private VisitView ownVisit(long visitId, CurrentUser user) {
        VisitView visit = queries.loadVisible(visitId, user);
        if (visit.ownerId() != user.id()) {
            throw new RuleViolation(null, "visit.notYours");
        }
        return visit;
    }

    /** The template's sections under their headings, the empty ones left out. */
    private String content(VisitRecordForm form) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder text = new StringBuilder();
        section(text, "visit.record.purpose", form.purpose(), locale);
        section(text, "visit.record.discussion", form.discussion(), locale);
        section(text, "visit.record.objections", form.objections(), locale);
        section(text, "visit.record.commitments", form.filledCommitments().stream()
                .map(row -> messages.getMessage("visit.record.commitmentLine",
                        new Object[] { row.getValue().content().strip(), row.getValue().dueDate().toString() }, locale))
                .collect(java.util.stream.Collectors.joining("；")), locale);
        section(text, "visit.record.nextSteps", form.nextSteps(), locale);
        return text.length() <= 4000 ? text.toString() : text.substring(0, 4000);
    }

    private void section(StringBuilder text, String key, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n");
        }
        text.append('【').append(messages.getMessage(key, null, locale)).append('】').append(value.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
