package io.tidecrm.followup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.followup.FollowUpDemoData;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.support.DemoRandom;
import io.tidecrm.support.RowArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo follow-ups (development only). Per owner's stretch, the follow-ups are placed
 * backwards from its last one, a few days apart (never as long as the pool's stale days less the
 * warning lead), so the customer was never near its deadline except where its story says so.
 * The statuses climb the sales path to the customer's status, the last follow-up sets the
 * customer's next follow-up time, and a few ask the manager (rarely the administrator) to look.
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class FollowUpDemoSeeder implements FollowUpDemoData {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDemoSeeder.class);

    private static final long SEED = 20_260_102L;

    /** The sales path before won, in order. */
    private static final List<CustomerStatus> PATH = List.of(CustomerStatus.FIRST_VISIT, CustomerStatus.TRIAL,
            CustomerStatus.INTENT, CustomerStatus.QUOTED, CustomerStatus.NEGOTIATING);

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUpDemoSeeder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One follow-up being planned. */
    private static final class Entry {
        Instant at;
        long authorId;
        CustomerStatus newStatus;
        Step step;
        Instant next;
        FollowUpKind kind;
        String content;
        Long contactId;
        Long notify;
    }

    @Override
    public List<Mention> seed(List<DemoCustomers.Customer> customers, DemoCustomers.PoolTerms terms,
            DemoUsers.Staff staff) {
        DemoRandom random = new DemoRandom(SEED, clock);
        DemoContent content = new DemoContent(random);
        record Planned(DemoCustomers.Customer customer, Entry entry) {
        }
        List<Planned> planned = new ArrayList<>();
        for (DemoCustomers.Customer customer : customers) {
            int stale = terms.staleDays().get(customer.type());
            List<Entry> entries = times(customer, stale, random);
            statuses(customer, entries, random);
            nextTimes(customer, entries, random);
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                ContactRef contact = contact(customer, i, random);
                e.contactId = contact == null ? null : contact.id();
                DemoContent.Written written = content.write(e.step, customer, contact);
                e.kind = written.kind();
                e.content = written.text();
                e.notify = notify(e, staff, random);
                planned.add(new Planned(customer, e));
            }
        }
        List<Long> ids = jdbc
                .sql("SELECT nextval(pg_get_serial_sequence('follow_up', 'id')) FROM generate_series(1, :n)")
                .param("n", planned.size())
                .query(Long.class)
                .list();
        // Ids in the order of time, as if written one after the other.
        planned.sort(Comparator.comparing(p -> p.entry().at));
        RowArrays rows = new RowArrays("id", "customer_id", "author_id", "kind", "occurred_at", "recorded_at",
                "content", "contact_id", "new_status", "next_follow_up_at");
        RowArrays notified = new RowArrays("follow_up_id", "user_id");
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Entry e = planned.get(i).entry();
            DemoCustomers.Customer c = planned.get(i).customer();
            Instant recorded = recordedAt(e.at, random);
            rows.add(ids.get(i), c.id(), e.authorId, e.kind, e.at, recorded, e.content, e.contactId, e.newStatus,
                    e.next);
            if (e.notify != null) {
                notified.add(ids.get(i), e.notify);
                mentions.add(new Mention(ids.get(i), c.id(), c.name(), e.authorId, e.notify, recorded,
                        excerpt(e.content)));
            }
        }
        rows.bind(jdbc.sql("""
                INSERT INTO follow_up (id, customer_id, author_id, kind, occurred_at, recorded_at, content, contact_id,
                                       new_status, next_follow_up_at)
                SELECT * FROM unnest(CAST(:id AS bigint[]), CAST(:customer_id AS bigint[]),
                                     CAST(:author_id AS bigint[]), CAST(:kind AS text[]),
                                     CAST(:occurred_at AS timestamptz[]), CAST(:recorded_at AS timestamptz[]), CAST(:content AS text[]),
                                     CAST(:contact_id AS bigint[]), CAST(:new_status AS text[]),
                                     CAST(:next_follow_up_at AS timestamptz[]))
                """)).update();
        if (!notified.isEmpty()) {
            notified.bind(jdbc.sql("""
                    INSERT INTO follow_up_notify (follow_up_id, user_id)
                    SELECT * FROM unnest(CAST(:follow_up_id AS bigint[]), CAST(:user_id AS bigint[]))
                    """)).update();
        }
        log.info("Demo data: {} follow-ups, {} naming a colleague", planned.size(), mentions.size());
        return mentions;
    }

    /**
     * The times and authors: in each owner's stretch that has a last follow-up, backwards from it
     * a few days apart down to the start of the stretch.
     */
    private static List<Entry> times(DemoCustomers.Customer customer, int staleDays, DemoRandom random) {
        int maxGap = Math.max(1, Math.min(staleDays - 5, 7));
        List<Entry> entries = new ArrayList<>();
        for (DemoCustomers.Ownership stretch : customer.ownerships()) {
            if (stretch.lastFollowUpAt() == null) {
                continue;
            }
            Instant earliest = stretch.from().plus(Duration.ofMinutes(30));
            Instant at = stretch.lastFollowUpAt();
            List<Entry> ofStretch = new ArrayList<>();
            while (true) {
                Entry e = new Entry();
                e.at = at;
                e.authorId = stretch.ownerId();
                ofStretch.add(0, e);
                LocalDate day = random.date(at).minusDays(random.between(1, maxGap));
                Instant previous = random.officeTime(day);
                if (previous.isBefore(earliest)) {
                    break;
                }
                at = previous;
            }
            entries.addAll(ofStretch);
        }
        return entries;
    }

    /**
     * The statuses: from first visit up the sales path to the customer's status (for a won one to
     * negotiating before the approval; nothing after it), each change on one follow-up, the last
     * change no later than the last follow-up before the win.
     */
    private static void statuses(DemoCustomers.Customer customer, List<Entry> entries, DemoRandom random) {
        List<Entry> before = customer.won()
                ? entries.stream().filter(e -> e.at.isBefore(customer.wonAt())).toList() : entries;
        CustomerStatus target = customer.won() ? CustomerStatus.NEGOTIATING : customer.status();
        List<CustomerStatus> path = new ArrayList<>();
        if (target == CustomerStatus.ON_HOLD) {
            path.addAll(PATH.subList(0, random.between(1, 3)));
            path.add(CustomerStatus.ON_HOLD);
        } else {
            for (CustomerStatus s : PATH) {
                // A step may be skipped (no trial before the quote), never the first or the target.
                if (s == CustomerStatus.FIRST_VISIT || s == target || random.chance(0.7)) {
                    path.add(s);
                }
                if (s == target) {
                    break;
                }
            }
        }
        while (path.size() > before.size() && path.size() > 1) {
            path.remove(path.size() - 2);
        }
        // Spread the changes over the follow-ups, the first on the first, the last no later than the end.
        int slots = before.size();
        for (int i = 0; i < path.size() && slots > 0; i++) {
            int index = path.size() == 1 ? 0 : (int) Math.round((double) i * (slots - 1) / (path.size() - 1));
            before.get(index).newStatus = path.get(i);
        }
        for (Entry e : entries) {
            boolean afterWin = customer.won() && !e.at.isBefore(customer.wonAt());
            e.step = afterWin ? Step.AFTER_WON : e.newStatus == null ? Step.PROGRESS : Step.of(e.newStatus);
        }
        if (customer.won() && slots > 0) {
            // The last one before the approval is the contract going for approval.
            before.get(before.size() - 1).step = Step.SUBMITTED;
        }
    }

    /**
     * The next follow-up each one planned: about when the next one happened; the last one's is the
     * customer's (or, for a customer that went to the pool since, one that never came).
     */
    private static void nextTimes(DemoCustomers.Customer customer, List<Entry> entries, DemoRandom random) {
        for (int i = 0; i + 1 < entries.size(); i++) {
            Instant planned = entries.get(i + 1).at.truncatedTo(ChronoUnit.HOURS);
            entries.get(i).next = planned.isAfter(entries.get(i).at) ? planned : entries.get(i + 1).at;
        }
        if (entries.isEmpty()) {
            return;
        }
        Entry last = entries.get(entries.size() - 1);
        if (customer.ownerId() != null) {
            last.next = customer.nextFollowUpAt();
        } else {
            // Going into the pool cleared it on the customer.
            LocalDate planned = random.date(last.at).plusDays(random.between(2, 7));
            last.next = random.chance(0.5) ? random.at(planned, 10, 0) : null;
        }
    }

    private static ContactRef contact(DemoCustomers.Customer customer, int index, DemoRandom random) {
        if (customer.contacts().isEmpty() || random.chance(0.25)) {
            return null;
        }
        return index == 0 ? customer.contacts().get(0) : random.pick(customer.contacts());
    }

    /**
     * About one in twelve follow-ups of the last 30 days asks the owner's manager to look; one in
     * twenty-five of the last 10 days the administrator (a trial account to open, say).
     */
    private static Long notify(Entry e, DemoUsers.Staff staff, DemoRandom random) {
        if (e.at.isBefore(random.now().minus(Duration.ofDays(30)))) {
            return null;
        }
        if (random.chance(0.08)) {
            return staff.teamOf(e.authorId).managerId();
        }
        return e.at.isAfter(random.now().minus(Duration.ofDays(10))) && random.chance(0.04) ? staff.adminId() : null;
    }

    /** Written down within a few hours of the contact (never more than 24), and never in the future. */
    private static Instant recordedAt(Instant occurred, DemoRandom random) {
        Instant recorded = occurred.plus(Duration.ofMinutes(random.between(2, 180)));
        Instant latest = random.now().minusSeconds(30);
        return recorded.isAfter(latest) ? (occurred.isAfter(latest) ? occurred : latest) : recorded;
    }

    private static String excerpt(String content) {
        return content.length() <= 80 ? content : content.substring(0, 80) + "…";
    }

    /** What a follow-up was about, for its wording. */
    enum Step {
        FIRST_VISIT, TRIAL, INTENT, QUOTED, NEGOTIATING, ON_HOLD, PROGRESS, SUBMITTED, AFTER_WON;

        static Step of(CustomerStatus status) {
            return valueOf(status.name());
        }
    }
}
