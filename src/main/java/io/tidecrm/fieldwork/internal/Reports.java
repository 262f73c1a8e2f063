package io.tidecrm.fieldwork.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.fieldwork.DayFigures;
import io.tidecrm.fieldwork.ReportCommented;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily and weekly reports: each part is submitted as a new version (the earlier ones are kept),
 * marked late when submitted after its deadline in the business zone; the day's summary keeps the
 * figures of the moment it was submitted. A report is read by its author, their team's managers and
 * the administrators (anyone else: 404); reading it as someone else leaves a read receipt. The
 * weekly plan is signed off once, by a manager of the author's team only.
 */
@Service
@Transactional
class Reports {

    /** One submitted version of a report part. */
    public record Report(long id, long authorId, ReportKind kind, LocalDate periodStart, int version, String keyTasks,
            String helpNeeded, String body, List<Long> plannedVisitIds, Integer goalCustomers, BigDecimal goalAmount,
            DayFigures figures, Instant submittedAt, boolean late) {
    }

    /** A comment, or the sign-off, with its author's name. */
    public record Comment(String authorName, String body, boolean signOff, Instant at) {
    }

    private final JdbcClient jdbc;
    private final DayFacts facts;
    private final WeeklyTasks tasks;
    private final SelfChecks checks;
    private final UserManagement users;
    private final ReportRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(JdbcClient jdbc, DayFacts facts, WeeklyTasks tasks, SelfChecks checks, UserManagement users,
            ReportRules rules, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.checks = checks;
        this.events = events;
        this.jdbc = jdbc;
        this.facts = facts;
        this.users = users;
        this.rules = rules;
        this.clock = clock;
    }

    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** When a part is due, in the business zone. */
    Instant deadline(ReportKind kind, LocalDate period) {
        LocalTime at = rules.settings().due(kind);
        return period.atTime(at).atZone(clock.getZone()).toInstant();
    }

    long submitDailyPlan(LocalDate day, DailyPlanForm form, CurrentUser author) {
        List<Long> picked = form.plannedVisitIds() == null ? List.of() : form.plannedVisitIds().stream().distinct().toList();
        if (!picked.isEmpty()) {
            long own = jdbc.sql("""
                    SELECT count(*) FROM visit WHERE id IN (:ids) AND owner_id = :me
                      AND planned_at >= :from AND planned_at < :until
                    """)
                    .param("ids", picked).param("me", author.id())
                    .param("from", Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()))
                    .param("until", Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                    .query(Long.class).single();
            if (own != picked.size()) {
                throw new RuleViolation("plannedVisitIds", "report.plannedVisits.invalid");
            }
        }
        return insert(author, ReportKind.DAILY_PLAN, day, form.keyTasks(), form.helpNeeded(), null, picked, null, null,
                null);
    }

    /**
     * A new version of the day's summary; with {@code checklist} (null when the form had none),
     * today's behaviour self-check answered in the same transaction (the same rows as the
     * self-check page writes). A summary of an earlier day leaves that day's self-check alone.
     */
    long submitDailySummary(LocalDate day, DailySummaryForm form, CurrentUser author,
            List<SelfChecks.Input> checklist) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(null, "report.summary.future");
        }
        if (checklist != null && day.equals(LocalDate.now(clock)) && !checks.items(true).isEmpty()) {
            try {
                checks.answer(author, day, checklist);
            } catch (RuleViolation e) {
                throw e.onField(null); // each message names its item; the summary form has no field of it
            }
        }
        return insert(author, ReportKind.DAILY_SUMMARY, day, null, form.helpNeeded(), form.body(), List.of(), null,
                null, facts.of(author.id(), day, day));
    }

    /** A new version of the week's plan with its key tasks per day (refused as a whole, naming each bad row). */
    long submitWeeklyPlan(LocalDate week, WeeklyPlanForm form, CurrentUser author) {
        RuleViolation refused = WeeklyTasks.check(form.rows(), weekOf(week));
        if (refused != null) {
            throw refused;
        }
        long id = insert(author, ReportKind.WEEKLY_PLAN, weekOf(week), null, form.helpNeeded(), null,
                List.of(), form.goalCustomers(), form.goalAmount(), null);
        tasks.insert(id, form.rows());
        return id;
    }

    private long insert(CurrentUser author, ReportKind kind, LocalDate period, String keyTasks, String help,
            String body, List<Long> visits, Integer goalCustomers, BigDecimal goalAmount, DayFigures figures) {
        Instant now = clock.instant();
        // The next version number under a lock on the author's row of this part: two tabs never collide.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "work_report:" + author.id() + ":" + kind + ":" + period)
                .query((rs, n) -> 1).single();
        return jdbc.sql("""
                INSERT INTO work_report (author_id, kind, period_start, version, key_tasks, help_needed, body,
                                         planned_visit_ids, goal_customers, goal_amount, fig_follow_ups, fig_visits,
                                         fig_new_customers, fig_contracts, fig_contract_amount, fig_payments,
                                         fig_payment_amount, submitted_at, late)
                SELECT :author, :kind, :period, coalesce(max(version), 0) + 1, :keyTasks, :help, :body,
                       CAST(:visits AS bigint[]), :goalCustomers, :goalAmount, :followUps, :visitCount, :newCustomers,
                       :contracts, :contractAmount, :payments, :paymentAmount, :now, :late
                FROM work_report WHERE author_id = :author AND kind = :kind AND period_start = :period
                RETURNING id
                """)
                .param("author", author.id())
                .param("kind", kind.name())
                .param("period", period)
                .param("keyTasks", strip(keyTasks))
                .param("help", strip(help))
                .param("body", strip(body))
                .param("visits", visits.toArray(new Long[0]))
                .param("goalCustomers", goalCustomers)
                .param("goalAmount", goalAmount)
                .param("followUps", figures == null ? null : figures.followUps())
                .param("visitCount", figures == null ? null : figures.visits())
                .param("newCustomers", figures == null ? null : figures.newCustomers())
                .param("contracts", figures == null ? null : figures.contracts())
                .param("contractAmount", figures == null ? null : figures.contractAmount())
                .param("payments", figures == null ? null : figures.payments())
                .param("paymentAmount", figures == null ? null : figures.paymentAmount())
                .param("now", Timestamp.from(now))
                .param("late", now.isAfter(deadline(kind, period)))
                .query(Long.class)
                .single();
    }

    /** The latest version of a part, if submitted. */
    @Transactional(readOnly = true)
    Optional<Report> latest(long authorId, ReportKind kind, LocalDate period) {
        return jdbc.sql("""
                SELECT * FROM work_report WHERE author_id = ? AND kind = ? AND period_start = ?
                ORDER BY version DESC LIMIT 1
                """).params(authorId, kind.name(), period).query((rs, n) -> row(rs)).optional();
    }

    /** A report the viewer may read (author, their managers, administrators); otherwise 404. */
    @Transactional(readOnly = true)
    Report loadReadable(long reportId, CurrentUser viewer) {
        Report report = jdbc.sql("SELECT * FROM work_report WHERE id = ?").param(reportId)
                .query((rs, n) -> row(rs)).optional().orElseThrow(CustomerNotFoundException::new);
        if (!mayRead(report.authorId(), viewer)) {
            throw new CustomerNotFoundException();
        }
        return report;
    }

    boolean mayRead(long authorId, CurrentUser viewer) {
        return authorId == viewer.id() || viewer.role() == Role.ADMIN
                || (viewer.role() == Role.MANAGER && users.managedUserIds(viewer.id()).contains(authorId));
    }

    String authorName(Report report) {
        return users.findUser(report.authorId()).map(UserSummary::displayName).orElse("?");
    }

    /** Whether the viewer signs this report off: a weekly plan, by a manager of the author's team. */
    boolean maySignOff(Report report, CurrentUser viewer) {
        return report.kind().weekly() && report.authorId() != viewer.id()
                && users.managersOf(report.authorId()).contains(viewer.id());
    }

    /** The earlier versions of the same part, newest first. */
    @Transactional(readOnly = true)
    List<Report> versions(Report report) {
        return jdbc.sql("""
                SELECT * FROM work_report WHERE author_id = ? AND kind = ? AND period_start = ? ORDER BY version DESC
                """).params(report.authorId(), report.kind().name(), report.periodStart()).query((rs, n) -> row(rs))
                .list();
    }

    /** Leaves the viewer's read receipt on someone else's report. */
    void markRead(Report report, CurrentUser viewer) {
        if (report.authorId() != viewer.id()) {
            jdbc.sql("""
                    INSERT INTO work_report_read (report_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                    """).params(report.id(), viewer.id(), Timestamp.from(clock.instant())).update();
        }
    }

    /** Who has read the report, with when. */
    @Transactional(readOnly = true)
    List<Comment> readers(long reportId) {
        var rows = jdbc.sql("SELECT user_id, read_at FROM work_report_read WHERE report_id = ? ORDER BY read_at")
                .param(reportId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        Map<Long, UserSummary> names = users.findUsers(rows.stream().map(Map.Entry::getKey).toList());
        return rows.stream().map(r -> new Comment(name(names, r.getKey()), null, false, r.getValue())).toList();
    }

    void comment(long reportId, ReportCommentForm form, CurrentUser viewer) {
        Report report = loadReadable(reportId, viewer);
        insertComment(report, viewer, form.body(), false);
    }

    /** The manager's sign-off of a weekly plan: a manager of the author's team only, once. */
    void signOff(long reportId, ReportCommentForm form, CurrentUser viewer) {
        Report report = loadReadable(reportId, viewer);
        if (!maySignOff(report, viewer)) {
            throw new CustomerNotFoundException();
        }
        Integer signed = jdbc.sql("""
                SELECT count(*) FROM work_report_comment c JOIN work_report r ON r.id = c.report_id
                WHERE c.sign_off AND r.author_id = ? AND r.kind = ? AND r.period_start = ? AND r.version >= ?
                """).params(report.authorId(), report.kind().name(), report.periodStart(), report.version())
                .query(Integer.class).single();
        if (signed > 0) {
            throw new RuleViolation(null, "report.signOff.already");
        }
        insertComment(report, viewer, form.body(), true);
    }

    /** Writes the comment and tells the report's author (unless they commented on their own report). */
    private void insertComment(Report report, CurrentUser author, String body, boolean signOff) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO work_report_comment (report_id, author_id, body, sign_off, created_at) VALUES (?, ?, ?, ?, ?)
                """).params(report.id(), author.id(), body.strip(), signOff, Timestamp.from(now)).update();
        if (author.id() != report.authorId()) {
            events.publishEvent(new ReportCommented(report.id(), report.authorId(), report.kind().name(),
                    report.periodStart(), author.id(), author.displayName(), signOff, body.strip(), now));
        }
    }

    /** The comments on every version of the report's part, oldest first. */
    @Transactional(readOnly = true)
    List<Comment> comments(Report report) {
        var rows = jdbc.sql("""
                SELECT c.author_id, c.body, c.sign_off, c.created_at FROM work_report_comment c
                JOIN work_report r ON r.id = c.report_id
                WHERE r.author_id = ? AND r.kind = ? AND r.period_start = ? ORDER BY c.id
                """).params(report.authorId(), report.kind().name(), report.periodStart())
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant() })
                .list();
        Map<Long, UserSummary> names = users.findUsers(rows.stream().map(r -> (Long) r[0]).toList());
        return rows.stream().map(r -> new Comment(name(names, (Long) r[0]), (String) r[1], (Boolean) r[2],
                (Instant) r[3])).toList();
    }

    /** A row of the managers' view: a member and the latest version of each part, or null. */
    public record MemberStatus(UserSummary member, Report plan, Report summary, Report weekly) {
    }

    /** The members the viewer manages (administrators: everyone but administrators), with their reports. */
    @Transactional(readOnly = true)
    List<MemberStatus> team(LocalDate day, CurrentUser viewer) {
        List<UserSummary> members = members(users, viewer);
        if (members.isEmpty()) {
            return List.of();
        }
        List<Report> reports = jdbc.sql("""
                SELECT DISTINCT ON (author_id, kind) * FROM work_report
                WHERE author_id IN (:members) AND ((kind IN ('DAILY_PLAN', 'DAILY_SUMMARY') AND period_start = :day)
                      OR (kind = 'WEEKLY_PLAN' AND period_start = :week))
                ORDER BY author_id, kind, version DESC
                """)
                .param("members", members.stream().map(UserSummary::id).toList())
                .param("day", day).param("week", weekOf(day))
                .query((rs, n) -> row(rs)).list();
        return members.stream().map(m -> new MemberStatus(m, find(reports, m.id(), ReportKind.DAILY_PLAN),
                find(reports, m.id(), ReportKind.DAILY_SUMMARY), find(reports, m.id(), ReportKind.WEEKLY_PLAN)))
                .toList();
    }

    /** The enabled members a manager leads (an administrator: everyone but administrators), not the viewer. */
    static List<UserSummary> members(UserManagement users, CurrentUser viewer) {
        return users.ownersVisibleTo(viewer).stream().filter(UserSummary::enabled).filter(u -> u.id() != viewer.id())
                .toList();
    }

    private static Report find(List<Report> reports, long authorId, ReportKind kind) {
        return reports.stream().filter(r -> r.authorId() == authorId && r.kind() == kind).findFirst().orElse(null);
    }

    private static Report row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Integer followUps = (Integer) rs.getObject("fig_follow_ups");
        return new Report(rs.getLong("id"), rs.getLong("author_id"), ReportKind.valueOf(rs.getString("kind")),
                rs.getObject("period_start", LocalDate.class), rs.getInt("version"), rs.getString("key_tasks"),
                rs.getString("help_needed"), rs.getString("body"),
                Arrays.asList((Long[]) rs.getArray("planned_visit_ids").getArray()),
                (Integer) rs.getObject("goal_customers"), rs.getBigDecimal("goal_amount"),
                followUps == null ? null : new DayFigures(followUps, rs.getInt("fig_visits"),
                        rs.getInt("fig_new_customers"), rs.getInt("fig_contracts"),
                        zeroIfNull(rs.getBigDecimal("fig_contract_amount")), rs.getInt("fig_payments"),
                        zeroIfNull(rs.getBigDecimal("fig_payment_amount"))),
                rs.getTimestamp("submitted_at").toInstant(), rs.getBoolean("late"));
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String name(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }
}
