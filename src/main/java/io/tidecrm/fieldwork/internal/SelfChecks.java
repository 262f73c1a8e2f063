package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleChanged;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The behaviour self-check (行为自检表): the administrators' items (added, renamed, moved, disabled,
 * never deleted; each change kept in the audit log as {@link RuleChanged}), a user's answers of a
 * day (every enabled item yes or no, with an optional remark), given on that day only (business
 * zone) and correctable until it ends, and the managers' view of their members' answers.
 */
@Service
@Transactional
class SelfChecks {

    static final int NAME_MAX = 50;
    static final int DESCRIPTION_MAX = 300;
    static final int REMARK_MAX = 300;

    /** An item as administered. */
    record Item(long id, int position, String name, String description, boolean enabled, long version) {
    }

    /** A user's answer to an item on a day, with the item's wording of that moment. */
    record Answer(long itemId, String itemName, boolean done, String remark, Instant answeredAt) {
    }

    /** What the user typed for an item (kept on the page when refused). */
    record Input(long itemId, boolean done, String remark) {
    }

    /** A member's self-check of a day for the managers: empty answers when not filled in. */
    record MemberCheck(UserSummary member, List<Answer> answers) {

        public long doneCount() {
            return answers.stream().filter(Answer::done).count();
        }

        public boolean filled() {
            return !answers.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SelfChecks(JdbcClient jdbc, UserManagement users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Item> items(boolean enabledOnly) {
        return jdbc.sql("SELECT id, position, name, description, enabled, version FROM self_check_item"
                + (enabledOnly ? " WHERE enabled" : "") + " ORDER BY position, id")
                .query((rs, n) -> new Item(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getLong(6)))
                .list();
    }

    long addItem(String name, String description, long byUserId) {
        String n = required(name, "name", NAME_MAX);
        String d = required(description, "description", DESCRIPTION_MAX);
        long id = jdbc.sql("""
                INSERT INTO self_check_item (position, name, description)
                SELECT coalesce(max(position), 0) + 1, ?, ? FROM self_check_item RETURNING id
                """).params(n, d).query(Long.class).single();
        audit(id, null, n + ": " + d, byUserId);
        return id;
    }

    void renameItem(long id, String name, String description, Long version, long byUserId) {
        Item before = item(id);
        String n = required(name, "name", NAME_MAX);
        String d = required(description, "description", DESCRIPTION_MAX);
        int updated = jdbc.sql("""
                UPDATE self_check_item SET name = ?, description = ?, version = version + 1 WHERE id = ? AND version = ?
                """).params(n, d, id, version == null ? -1 : version).update();
        if (updated == 0) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        audit(id, before.name() + ": " + before.description(), n + ": " + d, byUserId);
    }

    /** Swaps the item with its neighbour above ({@code up}) or below; at the end, nothing moves. */
    void move(long id, boolean up, long byUserId) {
        Item item = item(id);
        List<Item> all = items(false);
        int at = all.indexOf(item);
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= all.size()) {
            return;
        }
        // Renumbered in the list's order first, so that equal positions cannot make a swap a no-op.
        for (int i = 0; i < all.size(); i++) {
            int position = i == at ? other + 1 : i == other ? at + 1 : i + 1;
            jdbc.sql("UPDATE self_check_item SET position = ?, version = version + 1 WHERE id = ?")
                    .params(position, all.get(i).id()).update();
        }
        audit(id, "position " + (at + 1), "position " + (other + 1), byUserId);
    }

    void setEnabled(long id, boolean enabled, long byUserId) {
        Item before = item(id);
        jdbc.sql("UPDATE self_check_item SET enabled = ?, version = version + 1 WHERE id = ?").params(enabled, id)
                .update();
        audit(id, "enabled=" + before.enabled(), "enabled=" + enabled, byUserId);
    }

    private Item item(long id) {
        return items(false).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(CustomerNotFoundException::new);
    }

    private void audit(long id, String before, String after, long byUserId) {
        events.publishEvent(new RuleChanged("fieldwork.selfCheck." + id, before, after, byUserId, clock.instant()));
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(field, "selfCheck." + field + ".required");
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "selfCheck." + field + ".tooLong", max);
        }
        return value.strip();
    }

    /** The user's answers of the day, in the items' order. */
    @Transactional(readOnly = true)
    List<Answer> answers(long userId, LocalDate day) {
        return answers(List.of(userId), day).getOrDefault(userId, List.of());
    }

    private Map<Long, List<Answer>> answers(List<Long> userIds, LocalDate day) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        record Row(long userId, Answer answer) {
        }
        return jdbc.sql("""
                SELECT a.user_id, a.item_id, a.item_name, a.done, a.remark, a.answered_at FROM self_check_answer a
                JOIN self_check_item i ON i.id = a.item_id
                WHERE a.user_id IN (:users) AND a.day = :day ORDER BY i.position, i.id
                """)
                .param("users", userIds).param("day", day)
                .query((rs, n) -> new Row(rs.getLong(1), new Answer(rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())))
                .list().stream()
                .collect(Collectors.groupingBy(Row::userId, java.util.LinkedHashMap::new,
                        Collectors.mapping(Row::answer, Collectors.toList())));
    }

    /**
     * The user's self-check of today: one answer for every enabled item (an item not sent counts as
     * not done); a second call the same day replaces the first. Another day is refused.
     */
    void answer(CurrentUser user, LocalDate day, List<Input> inputs) {
        if (!day.equals(LocalDate.now(clock))) {
            throw new RuleViolation(null, "selfCheck.notToday");
        }
        List<Item> items = items(true);
        if (items.isEmpty()) {
            throw new RuleViolation(null, "selfCheck.noItems");
        }
        Map<Long, Input> byItem = inputs.stream().collect(Collectors.toMap(Input::itemId, i -> i, (a, b) -> a));
        RuleViolation refused = null;
        for (Item item : items) {
            Input in = byItem.get(item.id());
            if (in != null && in.remark() != null && in.remark().strip().length() > REMARK_MAX) {
                refused = refused == null
                        ? new RuleViolation("remark" + item.id(), "selfCheck.remark.tooLong", item.name(), REMARK_MAX)
                        : refused.and("remark" + item.id(), "selfCheck.remark.tooLong", item.name(), REMARK_MAX);
            }
        }
        if (refused != null) {
            throw refused;
        }
        jdbc.sql("DELETE FROM self_check_answer WHERE user_id = ? AND day = ?").params(user.id(), day).update();
        Instant now = clock.instant();
        for (Item item : items) {
            Input in = byItem.get(item.id());
            String remark = in == null || in.remark() == null || in.remark().isBlank() ? null : in.remark().strip();
            jdbc.sql("""
                    INSERT INTO self_check_answer (user_id, day, item_id, item_name, done, remark, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(user.id(), day, item.id(), item.name(), in != null && in.done(), remark,
                    Timestamp.from(now)).update();
        }
    }

    /**
     * What a checklist form sent for the enabled items: {@code done} names the items answered yes,
     * {@code remark<id>} holds each remark (the self-check page and the day's summary form).
     */
    static List<Input> inputs(List<Item> items, org.springframework.util.MultiValueMap<String, String> params) {
        java.util.Set<String> done = java.util.Set.copyOf(params.getOrDefault("done", List.of()));
        return items.stream().map(item -> new Input(item.id(), done.contains(String.valueOf(item.id())),
                params.getFirst("remark" + item.id()))).toList();
    }

    /** Item id to input, for a checklist's pre-filled state. */
    static Map<Long, Input> byItem(List<Input> inputs) {
        return inputs.stream().collect(Collectors.toMap(Input::itemId, i -> i, (a, b) -> a));
    }

    /** Today's answers as inputs, to pre-fill a checklist. */
    static Map<Long, Input> prefilled(List<Answer> answers) {
        return byItem(answers.stream().map(a -> new Input(a.itemId(), a.done(), a.remark())).toList());
    }

    /** The members the viewer manages (administrators: everyone but administrators) with their answers of the day. */
    @Transactional(readOnly = true)
    List<MemberCheck> team(LocalDate day, CurrentUser viewer) {
        List<UserSummary> members = Reports.members(users, viewer);
        Map<Long, List<Answer>> answers = answers(members.stream().map(UserSummary::id).toList(), day);
        return members.stream().map(m -> new MemberCheck(m, answers.getOrDefault(m.id(), List.of()))).toList();
    }
}
