package io.tidecrm.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.tidecrm.contract.ContractDemoData;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.followup.FollowUpDemoData;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.notification.NotificationDemoData;
import io.tidecrm.pool.PoolDemoData;
import io.tidecrm.support.DemoRandom;
import io.tidecrm.support.RowArrays;
import io.tidecrm.support.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo inbox (development only): the same kinds, message keys, arguments and links as the
 * listeners of {@link NotificationEvents} write for the facts, dated when the facts happened and
 * inserted in that order (the inbox pages by id). What is older than two days is mostly read.
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class NotificationDemoSeeder implements NotificationDemoData {

    private static final Logger log = LoggerFactory.getLogger(NotificationDemoSeeder.class);

    private static final long SEED = 20_260_105L;

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final JsonMapper json;
    private final Times times;
    private final Clock clock;

    NotificationDemoSeeder(JdbcClient jdbc, UserManagement users, JsonMapper json, Times times, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.json = json;
        this.times = times;
        this.clock = clock;
    }

    private record Notice(long recipientId, NotificationKind kind, String key, List<String> args, String link,
            Instant at) {
    }

    @Override
    public int seed(List<DemoCustomers.Customer> customers,
            List<PoolDemoData.WarningDigest> warnings, List<FollowUpDemoData.Mention> mentions,
            List<ContractDemoData.ApprovalStep> approvals) {
        DemoRandom random = new DemoRandom(SEED, clock);
        List<Notice> notices = new ArrayList<>();
        List<Long> people = new ArrayList<>();
        mentions.forEach(m -> people.add(m.authorId()));
        approvals.forEach(a -> people.add(a.submitterId()));
        Map<Long, UserSummary> names = users.findUsers(people);
        for (FollowUpDemoData.Mention m : mentions) {
            notices.add(new Notice(m.notifiedUserId(), NotificationKind.FOLLOW_UP_MENTION,
                    "notification.FOLLOW_UP_MENTION",
                    List.of(name(names, m.authorId()), m.customerName(), m.excerpt()), customerLink(m.customerId()),
                    m.recordedAt()));
        }
        Map<List<Object>, Integer> reclaimed = new LinkedHashMap<>();
        for (DemoCustomers.Customer c : customers) {
            for (DemoCustomers.OwnerChange h : c.history()) {
                NotificationKind kind = switch (h.kind()) {
                    case TRANSFERRED -> NotificationKind.CUSTOMER_TRANSFERRED;
                    case ASSIGNED -> NotificationKind.CUSTOMER_ASSIGNED;
                    default -> null;
                };
                if (kind != null && h.newOwnerId() != null && !h.newOwnerId().equals(h.byUserId())) {
                    boolean withReason = h.reason() != null && !h.reason().isBlank();
                    String key = "notification." + kind.name() + (withReason ? ".reason" : "");
                    List<String> args = withReason ? List.of(c.name(), h.reason()) : List.of(c.name());
                    notices.add(new Notice(h.newOwnerId(), kind, key, args, customerLink(c.id()), h.at()));
                }
                if (h.kind() == OwnerChangeKind.RECLAIMED) {
                    reclaimed.merge(List.of(h.previousOwnerId(), h.at()), 1, Integer::sum);
                }
            }
        }
        reclaimed.forEach((owner, count) -> notices.add(new Notice((Long) owner.get(0), NotificationKind.POOL_RECLAIMED,
                "notification.POOL_RECLAIMED", List.of(String.valueOf(count)), "/pool", (Instant) owner.get(1))));
        for (PoolDemoData.WarningDigest w : warnings) {
            String listed = w.customerNames().stream().limit(10).collect(Collectors.joining("、"));
            notices.add(new Notice(w.ownerId(), NotificationKind.POOL_WARNING, "notification.POOL_WARNING",
                    List.of(String.valueOf(w.customerNames().size()), times.dateTime(w.deadline()), listed),
                    "/customers?sort=STALEST", w.warnedAt()));
        }
        for (ContractDemoData.ApprovalStep a : approvals) {
            String link = "/contracts/" + a.contractId();
            switch (a.kind()) {
                case SUBMITTED -> notices.add(new Notice(a.approverId(), NotificationKind.CONTRACT_SUBMITTED,
                        "notification.CONTRACT_SUBMITTED", List.of(name(names, a.submitterId()), a.title(),
                                a.customerName()), link, a.at()));
                case APPROVED, REJECTED -> {
                    NotificationKind kind = a.kind() == ContractDemoData.Kind.APPROVED
                            ? NotificationKind.CONTRACT_APPROVED : NotificationKind.CONTRACT_REJECTED;
                    notices.add(new Notice(a.submitterId(), kind, "notification." + kind.name(),
                            List.of(a.title(), a.customerName(), Objects.toString(a.comment(), "")), link, a.at()));
                }
            }
        }
        notices.sort(Comparator.comparing(Notice::at));
        Instant now = random.now();
        RowArrays rows = new RowArrays("recipient_id", "kind", "message_key", "message_args", "link", "created_at",
                "read_at");
        for (Notice n : notices) {
            Instant read = null;
            if (n.at().isBefore(now.minus(Duration.ofDays(2))) && random.chance(0.85)) {
                read = n.at().plus(Duration.ofMinutes(random.between(10, 20 * 60)));
                read = read.isAfter(now) ? now : read;
            }
            rows.add(n.recipientId(), n.kind(), n.key(), json.writeValueAsString(n.args()), n.link(), n.at(), read);
        }
        if (!rows.isEmpty()) {
            rows.bind(jdbc.sql("""
                    INSERT INTO notification (recipient_id, kind, message_key, message_args, link, created_at, read_at)
                    SELECT recipient_id, kind, message_key, message_args, link, created_at, read_at
                    FROM unnest(CAST(:recipient_id AS bigint[]), CAST(:kind AS text[]),
                                         CAST(:message_key AS text[]), CAST(:message_args AS text[]),
                                         CAST(:link AS text[]), CAST(:created_at AS timestamptz[]),
                                         CAST(:read_at AS timestamptz[]))
                        WITH ORDINALITY
                        AS r(recipient_id, kind, message_key, message_args, link, created_at, read_at, n)
                    ORDER BY n
                    """)).update();
        }
        log.info("Demo data: {} notifications", notices.size());
        return notices.size();
    }

    private static String name(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }

    private static String customerLink(long customerId) {
        return "/customers/" + customerId;
    }
}
