package io.tidecrm.followup.internal;

import io.tidecrm.support.RuleViolation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.FollowUpFacts;
import io.tidecrm.followup.FollowUpRecorded;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes follow-ups (never changes or deletes them) and reads the timeline. Saving one moves
 * its customer's clock in the same transaction. About 300 lines because the write path (the
 * 24-hour bounds, the contact, notify-whom, the clock, the fact) and the timeline that shows the
 * same rows belong together; the to-do list and the panels live elsewhere.
 */
@Service
@Transactional
public class FollowUpService {

    /** Records are written within 24 hours of the contact (SPEC: Follow-ups). */
    static final Duration MAX_AGE = Duration.ofHours(24);
    static final int PAGE_SIZE = 10;
    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("f.id");
    private static final int EXCERPT_LENGTH = 80;

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUpService(JdbcClient jdbc, CustomerManagement customers, UserManagement users,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    long record(long customerId, FollowUpForm form, CurrentUser author) {
        return record(customerId, form, author, null);
    }

    /** A follow-up on the customer, optionally about one of its opportunities or contracts. */
    long record(long customerId, FollowUpForm form, CurrentUser author, FollowUpForm.About about) {
        CustomerRef customer = customers.findVisible(customerId, author);
        Instant now = clock.instant();
        Instant occurredAt = form.occurredAt().atZone(clock.getZone()).toInstant();
        if (occurredAt.isAfter(now)) {
            throw new RuleViolation("occurredAt", "followup.occurredAt.future");
        }
        if (occurredAt.isBefore(now.minus(MAX_AGE))) {
            throw new RuleViolation("occurredAt", "followup.occurredAt.tooOld");
        }
        Instant next = form.nextFollowUpAt() == null ? null : form.nextFollowUpAt().atZone(clock.getZone()).toInstant();
        if (next != null && !next.isAfter(occurredAt)) {
            throw new RuleViolation("nextFollowUpAt", "followup.next.beforeOccurred");
        }
        if (form.newStatus() == CustomerStatus.WON) {
            throw new RuleViolation("newStatus", "followup.status.won");
        }
        if (form.contactId() != null && customers.contactsById(customerId, Set.of(form.contactId())).isEmpty()) {
            throw new RuleViolation("contactId", "followup.contact.invalid");
        }
        Set<Long> notify = new LinkedHashSet<>(form.notifyUserIds() == null ? List.of() : form.notifyUserIds());
        notify.remove(author.id());
        if (!customers.usersWhoCanSee(customerId).containsAll(notify)) {
            throw new RuleViolation("notifyUserIds", "followup.notify.invalid");
        }
        long id = insert(customerId, author.id(), form.kind(), occurredAt, now, form.content().strip(),
                form.contactId(), form.newStatus(), next, null, about);
        insertNotify(id, notify);
        // A direct call in this transaction, not an after-commit listener: the follow-up and the clock it
        // moves commit together, so the nightly reclaim never takes a customer that was just followed up.
        customers.recordFollowUp(customerId, author, new FollowUpFacts(occurredAt, form.newStatus(), next,
                Boolean.TRUE.equals(form.clearNextFollowUp())));
        publishRecorded(id, customer, author, form.kind(), notify, occurredAt, now, form.content(), false);
        return id;
    }

    /**
     * A correction is a new entry that points to the one it corrects and repeats its kind and
     * time. It does not move the clock: correcting old text is not following up the customer.
     */
    long correct(long customerId, long followUpId, CorrectionForm form, CurrentUser author) {
        CustomerRef customer = customers.findVisible(customerId, author);
        record Original(FollowUpKind kind, Instant occurredAt, Long contactId) {
        }
        Original original = jdbc.sql("SELECT kind, occurred_at, contact_id FROM follow_up WHERE id = :id AND customer_id = :customer")
                .param("id", followUpId)
                .param("customer", customerId)
                .query((rs, n) -> new Original(FollowUpKind.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        (Long) rs.getObject(3)))
                .optional()
                .orElseThrow(io.tidecrm.customer.CustomerNotFoundException::new);
        Instant now = clock.instant();
        long id = insert(customerId, author.id(), original.kind(), original.occurredAt(), now,
                form.content().strip(), original.contactId(), null, null, followUpId, null);
        publishRecorded(id, customer, author, original.kind(), Set.of(), original.occurredAt(), now, form.content(),
                true);
        return id;
    }

    /** A record written elsewhere before the customer existed (see FollowUpManagement.importHistory). */
    void importPast(long customerId, long authorId, FollowUpKind kind, Instant occurredAt, Instant recordedAt,
            String content, FollowUpForm.About about) {
        insert(customerId, authorId, kind, occurredAt, recordedAt, content, null, null, null, null, about);
    }

    /** The saved entry as a fact, with the author's team now and the business date of the saving. */
    private void publishRecorded(long id, CustomerRef customer, CurrentUser author, FollowUpKind kind,
            Set<Long> notify, Instant occurredAt, Instant recordedAt, String content, boolean correction) {
        events.publishEvent(new FollowUpRecorded(id, customer.id(), customer.name(), author.id(), author.displayName(),
                users.findUser(author.id()).map(UserSummary::teamId).orElse(null), kind.name(), Set.copyOf(notify),
                occurredAt, LocalDate.ofInstant(recordedAt, clock.getZone()), excerpt(content), correction));
    }

    private long insert(long customerId, long authorId, FollowUpKind kind, Instant occurredAt, Instant recordedAt,
            String content, Long contactId, CustomerStatus newStatus, Instant next, Long correctsId,
            FollowUpForm.About about) {
        return jdbc.sql("""
                INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content, contact_id,
                                       new_status, next_follow_up_at, corrects_id, subject_type, subject_id, subject_label)
                VALUES (:customer, :author, :kind, :occurred, :recorded, :content, :contact, :status, :next, :corrects,
                        :subjectType, :subjectId, :subjectLabel)
                RETURNING id
                """)
                .param("subjectType", about == null ? null : about.type())
                .param("subjectId", about == null ? null : about.id())
                .param("subjectLabel", about == null ? null : about.label())
                .param("customer", customerId)
                .param("author", authorId)
                .param("kind", kind.name())
                .param("occurred", Timestamp.from(occurredAt))
                .param("recorded", Timestamp.from(recordedAt))
                .param("content", content)
                .param("contact", contactId)
                .param("status", newStatus == null ? null : newStatus.name())
                .param("next", next == null ? null : Timestamp.from(next))
                .param("corrects", correctsId)
                .query(Long.class)
                .single();
    }

    private void insertNotify(long followUpId, Set<Long> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO follow_up_notify (follow_up_id, user_id) SELECT :id, unnest(CAST(:users AS bigint[]))")
                .param("id", followUpId)
                .param("users", userIds.toArray(new Long[0]))
                .update();
    }

    /**
     * The timeline's statement: the page's ids first, from the customer's index alone, then their
     * rows. Written as one "WHERE customer ORDER BY id DESC LIMIT", the planner walks the primary
     * key backwards and filters whenever it estimates the customer's rows spread evenly over the
     * table; for a customer whose follow-ups are all old that read 450,000 rows (bench/run, issue 14).
     * The ids come from an index-only scan of (customer_id, id DESC), which the planner prefers as
     * long as the visibility map is current, as autovacuum keeps it on this append-only table.
     */
    static String timelineSql(String conditions, String orderBy) {
        return """
                SELECT f.id, f.kind, f.occurred_at, f.recorded_at, f.content, f.author_id, f.contact_id, f.new_status,
                       f.next_follow_up_at, f.corrects_id, f.subject_label,
                       (SELECT max(x.id) FROM follow_up x WHERE x.corrects_id = f.id) AS corrected_by_id,
                       ARRAY(SELECT n.user_id FROM follow_up_notify n WHERE n.follow_up_id = f.id) AS notified
                FROM follow_up f
                WHERE f.id IN (SELECT f.id FROM follow_up f WHERE %1$s ORDER BY %2$s LIMIT :limit)
                ORDER BY %2$s
                """.formatted(conditions, orderBy);
    }

    /** The order of the timeline (newest first), for {@link #timelineSql}. */
    static String timelineOrder() {
        return NEWEST_FIRST.orderBy();
    }

    private static String excerpt(String content) {
        String text = content.strip().replaceAll("\\s+", " ");
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "…";
    }

    /** One page of the timeline, newest first, in a fixed number of statements whatever its length. */
    @Transactional(readOnly = true)
    KeysetPage<TimelineEntry> timeline(long customerId, String cursor, CurrentUser viewer) {
        return timeline(customerId, cursor, viewer, null);
    }

    /** The timeline of a customer, or of one of its subjects only. */
    KeysetPage<TimelineEntry> timeline(long customerId, String cursor, CurrentUser viewer, FollowUpForm.About about) {
        // Pool customers are readable by everyone: a rep sees the full history before grabbing.
        customers.findReadable(customerId, viewer);
        record Raw(long id, FollowUpKind kind, Instant occurredAt, Instant recordedAt, String content, long authorId,
                Long contactId, CustomerStatus newStatus, Instant next, Long correctsId, Long correctedById,
                Long[] notified, String subjectLabel) {
        }
        // Conditions only when they apply: a generic prepared plan cannot use "? IS NULL OR f.id < ?".
        Where where = new Where().add("f.customer_id = :customer", "customer", customerId)
                .after(NEWEST_FIRST, cursor)
                .bind("limit", PAGE_SIZE + 1);
        if (about != null) {
            where.add("f.subject_type = :subjectType AND f.subject_id = :subjectId",
                    Map.of("subjectType", about.type(), "subjectId", about.id()));
        }
        var statement = jdbc.sql(timelineSql(where.sql(), NEWEST_FIRST.orderBy()))
                .params(where.params());
        List<Raw> raw = statement
                .query((rs, n) -> new Raw(rs.getLong("id"), FollowUpKind.valueOf(rs.getString("kind")),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at"), rs.getString("content"),
                        rs.getLong("author_id"), (Long) rs.getObject("contact_id"), status(rs.getString("new_status")),
                        instant(rs, "next_follow_up_at"), (Long) rs.getObject("corrects_id"),
                        (Long) rs.getObject("corrected_by_id"), (Long[]) rs.getArray("notified").getArray(),
                        rs.getString("subject_label")))
                .list();
        return KeysetPage.of(raw, PAGE_SIZE, Raw::id).map(page -> {
            Set<Long> userIds = new HashSet<>();
            Set<Long> contactIds = new HashSet<>();
            for (Raw r : page) {
                userIds.add(r.authorId());
                userIds.addAll(List.of(r.notified()));
                if (r.contactId() != null) {
                    contactIds.add(r.contactId());
                }
            }
            Map<Long, UserSummary> names = users.findUsers(userIds);
            Map<Long, ContactRef> contacts = customers.contactsById(customerId, contactIds);
            return page.stream().map(r -> new TimelineEntry(r.id(), r.kind(), r.occurredAt(),
                    r.recordedAt(), r.content(), displayName(names, r.authorId()),
                    r.contactId() == null || !contacts.containsKey(r.contactId()) ? null : contacts.get(r.contactId()).name(),
                    r.newStatus(), r.next(), r.correctsId(), r.correctedById(),
                    List.of(r.notified()).stream().map(id -> displayName(names, id)).collect(Collectors.joining("、")),
                    r.subjectLabel()))
                    .toList();
        });
    }

    public record Notified(long followUpId, long customerId, String customerName, String authorName, Instant occurredAt,
            String excerpt) {
    }

    /** Follow-ups where the user was asked to look, on customers they can still see. */
    @Transactional(readOnly = true)
    List<Notified> notifiedTo(CurrentUser user, int limit) {
        record Raw(long id, long customerId, long authorId, Instant occurredAt, String content) {
        }
        List<Raw> raw = jdbc.sql("""
                SELECT f.id, f.customer_id, f.author_id, f.occurred_at, f.content
                FROM follow_up_notify n JOIN follow_up f ON f.id = n.follow_up_id
                WHERE n.user_id = :user
                ORDER BY n.follow_up_id DESC
                LIMIT :limit
                """)
                .param("user", user.id())
                .param("limit", limit)
                .query((rs, n) -> new Raw(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, "occurred_at"),
                        rs.getString(5)))
                .list();
        Map<Long, String> visible = customers.visibleNames(raw.stream().map(Raw::customerId).toList(), user);
        Map<Long, UserSummary> names = users.findUsers(raw.stream().map(Raw::authorId).collect(Collectors.toSet()));
        List<Notified> result = new ArrayList<>();
        for (Raw r : raw) {
            if (visible.containsKey(r.customerId())) {
                result.add(new Notified(r.id(), r.customerId(), visible.get(r.customerId()),
                        displayName(names, r.authorId()), r.occurredAt(), excerpt(r.content())));
            }
        }
        return result;
    }

    /** Customers due today or overdue, soonest first. */
    @Transactional(readOnly = true)
    List<CustomerRef> dueToday(CurrentUser user, int limit) {
        Instant endOfToday = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return customers.findDue(user, endOfToday, limit);
    }

    /** Colleagues who may be notified about this customer, without the writer. */
    @Transactional(readOnly = true)
    List<UserSummary> notifyCandidates(long customerId, CurrentUser viewer) {
        Collection<Long> ids = new HashSet<>(customers.usersWhoCanSee(customerId));
        ids.remove(viewer.id());
        return users.findUsers(ids).values().stream()
                .filter(UserSummary::enabled)
                .sorted(java.util.Comparator.comparing(UserSummary::displayName))
                .toList();
    }

    private static String displayName(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static CustomerStatus status(String s) {
        return s == null ? null : CustomerStatus.valueOf(s);
    }
}
