package io.tidecrm.service.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.service.ServiceDemoData;
import io.tidecrm.support.DemoRandom;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo tickets (development only). Each rep has, on customers they own: one ticket recorded
 * and answered at the customer's last follow-up and still in progress; one complaint recorded a
 * week or more before and never answered (overdue); and one closed with the customer's
 * satisfaction. Due times come from the SLA policy and the working calendar, as for a real ticket.
 * Won customers have their return visits 7 and 30 days after the contract: made, missed or to come.
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class ServiceDemoSeeder implements ServiceDemoData {

    private static final long SEED = 20_261_202L;

    private static final List<String[]> COMPLAINTS = List.of(
            new String[] { "客服回复太慢", "客户反映上周提交的问题三天没人回复，要求给出处理时间。" },
            new String[] { "群发消息被限制", "客户投诉升级后群发功能受限，影响当天的活动推送。" },
            new String[] { "发票迟迟未开", "客户财务催要上月服务费发票，已经两次来电。" });
    private static final List<String[]> REQUESTS = List.of(
            new String[] { "新员工账号开通", "客户新入职 3 名客服，需要开通账号并分配话术库权限。" },
            new String[] { "话术库导入培训", "客户希望安排一次线上培训，讲解批量导入话术的方法。" },
            new String[] { "机器人回复不准确", "部分关键词触发了错误的自动回复，需要检查规则配置。" });

    private final JdbcClient jdbc;
    private final SlaPolicies policies;
    private final TicketService tickets;
    private final MonthlyReturnVisits monthlyVisits;
    private final Clock clock;

    ServiceDemoSeeder(JdbcClient jdbc, SlaPolicies policies, TicketService tickets, MonthlyReturnVisits monthlyVisits,
            Clock clock) {
        this.monthlyVisits = monthlyVisits;
        this.jdbc = jdbc;
        this.policies = policies;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public int seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff) {
        DemoRandom random = new DemoRandom(SEED, clock);
        Instant now = clock.instant();
        int count = 0;
        for (long rep : staff.repIds()) {
            List<DemoCustomers.Customer> owned = customers.stream()
                    .filter(c -> c.ownerId() != null && c.ownerId() == rep && !c.contacts().isEmpty())
                    .sorted(Comparator.comparing((DemoCustomers.Customer c) -> c.lastOwnership().activeUntil()).reversed())
                    .toList();
            if (owned.size() < 3) {
                continue;
            }
            // In progress: recorded two hours before the customer's last follow-up and answered then.
            DemoCustomers.Customer recent = owned.get(0);
            Instant last = recent.lastOwnership().activeUntil();
            String[] request = random.pick(REQUESTS);
            long inProgress = insert(recent, TicketKind.REQUEST, TicketPriority.NORMAL, request, rep,
                    last.minus(Duration.ofHours(2)));
            tickets.entry(inProgress, EntryKind.REPLY, rep, last, "已电话联系客户，约定今天下班前给出方案。", null, null);
            jdbc.sql("UPDATE service_ticket SET status = 'IN_PROGRESS', first_responded_at = ? WHERE id = ?")
                    .params(Timestamp.from(last), inProgress).update();
            count++;

            // Overdue: a complaint recorded at a follow-up a week or more ago, never answered.
            DemoCustomers.Customer older = owned.stream()
                    .filter(c -> c.lastOwnership().activeUntil().isBefore(now.minus(Duration.ofDays(7)))).findFirst()
                    .orElse(owned.get(owned.size() - 1));
            insert(older, TicketKind.COMPLAINT, TicketPriority.HIGH, random.pick(COMPLAINTS), rep,
                    older.lastOwnership().activeUntil().minus(Duration.ofHours(1)));
            count++;

            // Closed: resolved within its due time and closed with the customer's satisfaction.
            DemoCustomers.Customer done = owned.get(owned.size() / 2);
            Instant recorded = done.lastOwnership().activeUntil().minus(Duration.ofDays(2));
            String[] complaint = random.pick(COMPLAINTS);
            long closed = insert(done, TicketKind.COMPLAINT, TicketPriority.NORMAL, complaint, rep, recorded);
            Instant replied = recorded.plus(Duration.ofMinutes(random.between(20, 90)));
            Instant resolved = replied.plus(Duration.ofHours(random.between(3, 20)));
            int satisfaction = random.pick(3, 4, 5, 5);
            tickets.entry(closed, EntryKind.REPLY, rep, replied, "已向客户致歉并说明处理进度。", null, null);
            tickets.entry(closed, EntryKind.RESOLVED, rep, resolved, "问题已处理，客户确认恢复正常。", null, null);
            tickets.entry(closed, EntryKind.CLOSED, rep, resolved.plus(Duration.ofHours(1)), "客户表示满意", null,
                    satisfaction);
            jdbc.sql("""
                    UPDATE service_ticket SET status = 'CLOSED', first_responded_at = ?, resolved_at = ?,
                                              resolution = '问题已处理，客户确认恢复正常。', closed_at = ?,
                                              satisfaction = ?, updated_at = ?
                    WHERE id = ?
                    """)
                    .params(Timestamp.from(replied), Timestamp.from(resolved),
                            Timestamp.from(resolved.plus(Duration.ofHours(1))), satisfaction,
                            Timestamp.from(resolved.plus(Duration.ofHours(1))), closed)
                    .update();
            count++;
        }
        returnVisits(customers, random);
        // This month's visits of the A customers in service, as the daily job would have made them.
        monthlyVisits.run(clock.instant(), true);
        return count;
    }

    /**
     * Return visits 7 and 30 days after each won customer's contract: those due before the
     * customer's last follow-up were made then (with a satisfaction), those due since are missed
     * or still to come.
     */
    private void returnVisits(List<DemoCustomers.Customer> customers, DemoRandom random) {
        for (DemoCustomers.Customer c : customers) {
            if (!c.won() || c.wonAt() == null || c.ownerId() == null) {
                continue;
            }
            Instant activeUntil = c.lastOwnership().activeUntil();
            for (int days : List.of(7, 30)) {
                java.time.LocalDate due = random.date(c.wonAt()).plusDays(days);
                Instant doneAt = random.at(due, 10, random.between(0, 59));
                boolean done = !doneAt.isAfter(activeUntil);
                jdbc.sql("""
                        INSERT INTO service_return_visit (customer_id, offset_days, due_date, owner_id, created_at, done_at,
                                                          done_by_id, satisfaction, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                        .params(c.id(), days, java.sql.Date.valueOf(due), c.ownerId(), Timestamp.from(c.wonAt()),
                                done ? Timestamp.from(doneAt) : null, done ? c.ownerId() : null,
                                done ? random.pick(4, 5, 5, 3) : null, done ? random.pick("使用顺利，暂无问题", "希望增加培训", "客服响应很快") : null)
                        .update();
            }
        }
    }

    private long insert(DemoCustomers.Customer customer, TicketKind kind, TicketPriority priority, String[] text,
            long ownerId, Instant at) {
        SlaPolicies.Due due = policies.dueTimes(kind, priority, customer.type(), at);
        long id = jdbc.sql("""
                INSERT INTO service_ticket (customer_id, contact_id, kind, channel, category, priority, title,
                                            description, owner_id, created_by_id, created_at, first_response_due,
                                            resolution_due, updated_at)
                VALUES (?, ?, ?, 'PHONE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """)
                .params(customer.id(), customer.contacts().get(0).id(), kind.name(),
                        kind == TicketKind.COMPLAINT ? TicketCategory.ATTITUDE.name() : TicketCategory.TECHNICAL.name(),
                        priority.name(), text[0], text[1], ownerId, ownerId, Timestamp.from(at),
                        Timestamp.from(due.firstResponse()), Timestamp.from(due.resolution()), Timestamp.from(at))
                .query(Long.class)
                .single();
        tickets.entry(id, EntryKind.CREATED, ownerId, at, null, ownerId, null);
        return id;
    }
}
