package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.tidecrm.contract.ContractFactReplay;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.fieldwork.DayFigures;
import io.tidecrm.fieldwork.FieldworkDemoData;
import io.tidecrm.followup.FollowUpFactReplay;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.support.DemoRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo field work (development only). A checked-in visit lies inside its customer's current
 * stretch of ownership and no later than the last moment that moved the customer's clock, so the
 * pool deadlines of the demo stay as the customer module told them. Customers' locations are
 * around People's Square in Shanghai; a check-in lands 30–300 m away, one in eight beyond the radius
 * and one in ten without a location.
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class FieldworkDemoSeeder implements FieldworkDemoData {

    private static final List<String> IMPROVEMENTS = List.of("明天上午先补录客户信息", "下次拜访前先核对报价有效期",
            "承诺的资料明天中午前发出", "周例会前准备好汇报材料");
    private static final Logger log = LoggerFactory.getLogger(FieldworkDemoSeeder.class);

    private static final long SEED = 20_260_140L;
    private static final int DAYS_BACK = 21;
    private static final List<String> PURPOSES = List.of("产品演示", "了解需求", "商务洽谈", "合同细节沟通", "售后回访", "上门培训");
    private static final List<String> PROMISES = List.of("发送正式报价单", "安排技术人员上门调试", "提供同行业案例", "申请试用账号延期",
            "补充合同附件", "安排客户参观公司");
    private static final List<String> TASKS = List.of("拜访两家意向客户，跟进一家报价", "整理本周商机，准备周会材料", "电话回访上周试用客户",
            "准备合同审批资料，跟进回款");

    private final JdbcClient jdbc;
    private final DayFacts facts;
    private final FollowUpFactReplay followUps;
    private final ContractFactReplay contracts;
    private final Clock clock;

    FieldworkDemoSeeder(JdbcClient jdbc, DayFacts facts, FollowUpFactReplay followUps, ContractFactReplay contracts,
            Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.followUps = followUps;
        this.contracts = contracts;
        this.clock = clock;
    }

    /**
     * The day facts of the window from the other modules' records (their events were never
     * published for the demo's rows), as the listeners would have kept them.
     */
    private void replayFacts(LocalDate from, LocalDate to) {
        for (var f : followUps.recorded(from, to)) {
            facts.keep(f);
        }
        for (var a : contracts.approved(from, to)) {
            facts.keep(a);
        }
        for (var p : contracts.payments(from, to)) {
            facts.keep(p);
        }
    }

    @Override
    public void seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff) {
        DemoRandom random = new DemoRandom(SEED, clock);
        Instant now = random.now();
        Instant windowStart = now.minus(Duration.ofDays(DAYS_BACK));
        int visits = 0;
        int commitments = 0;
        for (DemoCustomers.Customer customer : customers) {
            if (customer.ownerId() == null || !staff.repIds().contains(customer.ownerId())) {
                continue;
            }
            DemoCustomers.Ownership stretch = customer.lastOwnership();
            Instant from = stretch.from().isAfter(windowStart) ? stretch.from() : windowStart;
            Instant until = stretch.activeUntil();
            Long contactId = customer.contacts().isEmpty() ? null : customer.contacts().get(0).id();
            double lat = 31.2304 + (random.between(-400, 400) / 10_000.0);
            double lng = 121.4737 + (random.between(-400, 400) / 10_000.0);
            boolean located = false;
            if (until.isAfter(from.plus(Duration.ofHours(2))) && random.chance(0.45)) {
                Instant checkedIn = random.between(from, until);
                boolean noLocation = random.chance(0.1);
                // The first located check-in sets the customer's location (SPEC), so it is 0 m away.
                String flag = noLocation ? "NO_LOCATION" : "LOCATION_SET";
                Integer distance = noLocation ? null : 0;
                if (!noLocation) {
                    insertLocation(customer.id(), lat, lng, customer.ownerId(), checkedIn);
                    located = true;
                }
                long visit = insertVisit(customer.id(), contactId, customer.ownerId(),
                        checkedIn.minus(Duration.ofMinutes(random.between(0, 30))), random.pick(PURPOSES), checkedIn,
                        noLocation ? null : lat, noLocation ? null : lng, distance, flag,
                        checkedIn.plus(Duration.ofMinutes(random.between(25, 95))));
                visits++;
                // A later visit to a located customer: mostly near, sometimes too far.
                if (located && until.isAfter(checkedIn.plus(Duration.ofDays(1))) && random.chance(0.6)) {
                    Instant second = random.between(checkedIn.plus(Duration.ofDays(1)), until);
                    int metres = random.chance(0.125) ? random.between(600, 2500) : random.between(30, 300);
                    double offset = metres / 111_000.0;
                    visit = insertVisit(customer.id(), contactId, customer.ownerId(), second, random.pick(PURPOSES),
                            second, lat + offset, lng, metres, metres > 500 ? "FAR" : "WITHIN",
                            second.plus(Duration.ofMinutes(random.between(25, 95))));
                    visits++;
                    checkedIn = second;
                }
                if (random.chance(0.5)) {
                    LocalDate due = random.date(checkedIn).plusDays(random.between(2, 10));
                    boolean done = due.isBefore(random.today()) && random.chance(0.6);
                    insertCommitment(visit, customer.id(), customer.ownerId(), random.pick(PROMISES), due,
                            checkedIn, done ? random.between(checkedIn, now) : null);
                    commitments++;
                }
            }
            // Planned visits for today and the coming days (planned ones move no clock).
            if (random.chance(0.12)) {
                LocalDate day = random.today().plusDays(random.between(0, 3));
                insertVisit(customer.id(), contactId, customer.ownerId(), random.plannedTime(day), random.pick(PURPOSES),
                        null, null, null, null, null, null);
                visits++;
            }
        }
        replayFacts(random.today().minusDays(DAYS_BACK), random.today());
        int reports = seedReports(staff, random);
        log.info("Demo field work: {} visits, {} commitments, {} reports", visits, commitments, reports);
    }

    /** Each rep's plans and summaries of the last working days, this and last week's plans, the managers' notes. */
    private int seedReports(DemoUsers.Staff staff, DemoRandom random) {
        int count = 0;
        LocalDate today = random.today();
        for (DemoUsers.Team team : staff.teams()) {
            for (long rep : team.repIds()) {
                List<LocalDate> days = new ArrayList<>();
                for (LocalDate d = today.minusDays(7); d.isBefore(today); d = d.plusDays(1)) {
                    if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        days.add(d);
                    }
                }
                for (LocalDate d : days) {
                    Instant planAt = random.at(d, 8, random.between(20, 59)).plus(Duration.ofMinutes(random.chance(0.15) ? 45 : 0));
                    long plan = insertReport(rep, "DAILY_PLAN", d, random.pick(TASKS), null, planAt, null);
                    Instant summaryAt = random.at(d, 17, random.between(10, 59)).plus(Duration.ofMinutes(random.chance(0.2) ? 40 : 0));
                    insertReport(rep, "DAILY_SUMMARY", d, null, "完成计划中的拜访，客户对报价有疑问，明天继续跟进。", summaryAt,
                            facts.own(rep, d, d));
                    count += 2;
                    if (random.chance(0.85)) {
                        insertSelfCheck(rep, d, summaryAt, random);
                    }
                    if (random.chance(0.4)) {
                        insertComment(plan, team.managerId(), "注意先跟进意向最强的客户。", false, planAt.plus(Duration.ofHours(1)));
                        insertRead(plan, team.managerId(), planAt.plus(Duration.ofHours(1)));
                    }
                }
                for (LocalDate week : List.of(Reports.weekOf(today).minusWeeks(1), Reports.weekOf(today))) {
                    Instant at = random.at(week, 9, random.between(0, 50));
                    if (at.isAfter(random.now())) {
                        continue;
                    }
                    long plan = insertWeekly(rep, week, at);
                    count++;
                    if (week.isBefore(Reports.weekOf(today))) {
                        insertRead(plan, team.managerId(), at.plus(Duration.ofHours(2)));
                        insertComment(plan, team.managerId(), "目标可行，周三的演示叫上售前一起。", true, at.plus(Duration.ofHours(2)));
                    }
                }
            }
        }
        return count;
    }

    /** The day's behaviour self-check: every item, mostly done, a missed one with what to improve. */
    private void insertSelfCheck(long userId, LocalDate day, Instant at, DemoRandom random) {
        record Item(long id, String name) {
        }
        for (Item item : jdbc.sql("SELECT id, name FROM self_check_item WHERE enabled ORDER BY position")
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2))).list()) {
            boolean done = !random.chance(0.12);
            jdbc.sql("""
                    INSERT INTO self_check_answer (user_id, day, item_id, item_name, done, remark, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(userId, day, item.id(), item.name(), done, done ? null : random.pick(IMPROVEMENTS),
                    Timestamp.from(at)).update();
        }
    }


    private void insertLocation(long customerId, double lat, double lng, long userId, Instant at) {
        jdbc.sql("""
                INSERT INTO customer_location (customer_id, latitude, longitude, source, set_by_id, set_at)
                VALUES (?, ?, ?, 'CHECK_IN', ?, ?) ON CONFLICT (customer_id) DO NOTHING
                """).params(customerId, lat, lng, userId, Timestamp.from(at)).update();
    }

    private long insertVisit(long customerId, Long contactId, long ownerId, Instant plannedAt, String purpose,
            Instant checkedIn, Double lat, Double lng, Integer distance, String flag, Instant checkedOut) {
        return jdbc.sql("""
                INSERT INTO visit (customer_id, contact_id, owner_id, planned_at, place, purpose, checked_in_at, latitude,
                                   longitude, accuracy_m, distance_m, check_in_flag, checked_out_at, created_at)
                VALUES (:customer, :contact, :owner, :planned, '客户办公室', :purpose, :in, :lat, :lng, :accuracy,
                        :distance, :flag, :out, :created)
                RETURNING id
                """)
                .param("customer", customerId).param("contact", contactId).param("owner", ownerId)
                .param("planned", Timestamp.from(plannedAt)).param("purpose", purpose)
                .param("in", checkedIn == null ? null : Timestamp.from(checkedIn))
                .param("lat", lat).param("lng", lng).param("accuracy", lat == null ? null : 20.0)
                .param("distance", distance).param("flag", flag)
                .param("out", checkedOut == null ? null : Timestamp.from(checkedOut))
                .param("created", Timestamp.from(plannedAt.minus(Duration.ofDays(1))))
                .query(Long.class).single();
    }

    private void insertCommitment(long visitId, long customerId, long ownerId, String content, LocalDate due,
            Instant created, Instant doneAt) {
        jdbc.sql("""
                INSERT INTO visit_commitment (visit_id, customer_id, owner_id, content, due_date, created_at, done_at,
                                              done_by_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(visitId, customerId, ownerId, content, due, Timestamp.from(created),
                doneAt == null ? null : Timestamp.from(doneAt), doneAt == null ? null : ownerId).update();
    }

    private long insertReport(long author, String kind, LocalDate day, String tasks, String body, Instant at,
            DayFigures f) {
        Instant due = day.atTime(kind.equals("DAILY_PLAN") ? 9 : 18, 0).atZone(clock.getZone()).toInstant();
        return jdbc.sql("""
                INSERT INTO work_report (author_id, kind, period_start, version, key_tasks, body, fig_follow_ups,
                                         fig_visits, fig_new_customers, fig_contracts, fig_contract_amount, fig_payments,
                                         fig_payment_amount, submitted_at, late)
                VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(author, kind, day, tasks, body, f == null ? null : f.followUps(), f == null ? null : f.visits(),
                f == null ? null : f.newCustomers(), f == null ? null : f.contracts(),
                f == null ? null : f.contractAmount(), f == null ? null : f.payments(),
                f == null ? null : f.paymentAmount(), Timestamp.from(at), at.isAfter(due))
                .query(Long.class).single();
    }

    private long insertWeekly(long author, LocalDate week, Instant at) {
        long id = jdbc.sql("""
                INSERT INTO work_report (author_id, kind, period_start, version, help_needed, goal_customers,
                                         goal_amount, submitted_at, late)
                VALUES (?, 'WEEKLY_PLAN', ?, 1, ?, 2, 300000, ?, ?) RETURNING id
                """).params(author, week, "请技术部协助准备周三演示环境（周二前完成）", Timestamp.from(at),
                at.isAfter(week.atTime(10, 0).atZone(clock.getZone()).toInstant()))
                .query(Long.class).single();
        // The seed's table (每日重点任务: 日期, 任务内容, 预计完成时间): by a time, or a range.
        record Task(int day, String description, LocalTime startsAt, LocalTime endsAt) {
        }
        List<Task> tasks = List.of(new Task(0, "整理本周重点客户清单，准备方案", null, LocalTime.of(17, 0)),
                new Task(1, "拜访意向客户，了解需求", LocalTime.of(10, 0), LocalTime.of(11, 30)),
                new Task(2, "产品演示", LocalTime.of(15, 0), LocalTime.of(16, 0)),
                new Task(2, "跟进合同条款，法务审核", null, LocalTime.of(12, 0)),
                new Task(4, "跟进报价与回款", LocalTime.of(14, 0), LocalTime.of(17, 0)));
        int position = 0;
        int lastDay = -1;
        for (Task t : tasks) {
            position = t.day() == lastDay ? position + 1 : 1;
            lastDay = t.day();
            jdbc.sql("""
                    INSERT INTO work_report_task (report_id, day, position, description, starts_at, ends_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(id, week.plusDays(t.day()), position, t.description(),
                    t.startsAt() == null ? null : java.sql.Time.valueOf(t.startsAt()),
                    java.sql.Time.valueOf(t.endsAt())).update();
        }
        return id;
    }

    private void insertComment(long reportId, long authorId, String body, boolean signOff, Instant at) {
        jdbc.sql("""
                INSERT INTO work_report_comment (report_id, author_id, body, sign_off, created_at) VALUES (?, ?, ?, ?, ?)
                """).params(reportId, authorId, body, signOff, Timestamp.from(at)).update();
    }

    private void insertRead(long reportId, long userId, Instant at) {
        jdbc.sql("INSERT INTO work_report_read (report_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(reportId, userId, Timestamp.from(at)).update();
    }
}
