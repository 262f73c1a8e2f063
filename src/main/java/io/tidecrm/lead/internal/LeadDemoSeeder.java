package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.tidecrm.customer.CustomerIntake;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.lead.LeadDemoData;
import io.tidecrm.service.WorkingCalendar;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link LeadDemoData}: a small lead desk as it looks on a working morning. */
@Component
@Profile("!prod")
class LeadDemoSeeder implements LeadDemoData {

    private final JdbcClient jdbc;
    private final CustomerIntake names;
    private final WorkingCalendar calendar;
    private final Clock clock;

    LeadDemoSeeder(JdbcClient jdbc, CustomerIntake names, WorkingCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.names = names;
        this.calendar = calendar;
        this.clock = clock;
    }

    private record Demo(String company, String contact, String title, String mobile, String region, String industry,
            LeadSource source, String sourceDetail, String intent, String budget) {
    }

    @Override
    public int seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff) {
        DemoUsers.Team east = staff.teams().get(0);
        DemoUsers.Team south = staff.teams().get(1);
        long rep1 = east.repIds().get(0);
        long rep2 = east.repIds().get(1);
        long rep3 = south.repIds().get(0);
        long rep4 = south.repIds().get(1);
        long eastManufacturing = rule(10, "华东制造业 → 专人", "华东", "制造业", RuleTarget.USER, rep1, null, false);
        rule(20, "华东 → 华东销售组轮流", "华东", null, RuleTarget.ROUND_ROBIN, null, east.id(), false);
        long southRule = rule(30, "华南 → 华南销售组负载最少", "华南", null, RuleTarget.LEAST_LOADED, null, south.id(), true);
        Instant now = clock.instant();
        int count = 0;
        // In the lead pool: no rule for 华北; one returned by its rep; one that arrived overnight.
        lead(new Demo("北京云帆数据科技有限公司", "周明", "IT经理", "13910001001", "华北", "软件", LeadSource.WEBSITE,
                "官网表单-产品页", "想了解私有化部署", "待核实"), "NEW", null, null, now.minus(Duration.ofHours(20)), null);
        long returned = lead(new Demo("天津港航物流有限公司", "孙丽", "采购主管", "13820002002", "华北", "物流",
                LeadSource.TRADE_SHOW, "展会-2024年3月上海行业展-展位A12", "比较几家供应商", "20万以内"), "NEW", null, null,
                now.minus(Duration.ofDays(3)), null);
        jdbc.sql("UPDATE sales_lead SET returned_at = ? WHERE id = ?").params(ts(now.minus(Duration.ofDays(1))), returned)
                .update();
        event(returned, "RETURNED", rep2, rep2, null, now.minus(Duration.ofDays(1)), null);
        lead(new Demo("苏州精工机械制造有限公司", "钱伟", "总经理", "13912003003", "华东", "制造业", LeadSource.WEBSITE,
                "官网表单-联系我们", "车间设备联网", "50万+"), "NEW", null, null, now.minus(Duration.ofHours(10)), null);
        count += 3;
        // Assigned this morning, waiting for confirmation; one of them overdue.
        Instant assigned = now.minus(Duration.ofMinutes(20));
        lead(new Demo("杭州绿源环保科技有限公司", "吴婷", "运营总监", "13700004004", "华东", "制造业", LeadSource.REFERRAL,
                "客户推荐-苏州精工", "环保监测系统", "30万"), "ASSIGNED", rep1, eastManufacturing, assigned, null);
        long overdue = lead(new Demo("广州恒信电子有限公司", "郑强", "采购经理", "13600005005", "华南", "电子",
                LeadSource.INBOUND_CALL, "400电话", "询价", "待核实"), "ASSIGNED", rep3, southRule,
                now.minus(Duration.ofDays(2)), null);
        jdbc.sql("UPDATE sales_lead SET unverified = '{budget}' WHERE id = ?").param(overdue).update();
        count += 2;
        // Contactable, with follow-ups.
        long contactable = lead(new Demo("上海明德教育科技有限公司", "冯静", "校长助理", "13500006006", "华东", "教育",
                LeadSource.SOCIAL_MEDIA, "企业抖音私信", "招生管理系统", "10-20万"), "CONTACTABLE", rep2, null,
                now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(25)));
        followUp(contactable, rep2, "PHONE", now.minus(Duration.ofDays(3)), "首次电话沟通，了解到明年春季招生前需上线，预算约15万。");
        followUp(contactable, rep2, "EMAIL", now.minus(Duration.ofDays(2)), "发送了案例和产品手册，约下周三下午演示。");
        long contactable2 = lead(new Demo("南京智造装备有限公司", "陈刚", "技术总监", "13400007007", "华东", "制造业",
                LeadSource.TRADE_SHOW, "展会-2024年3月上海行业展-展位A12", "产线数据采集", "80万"), "CONTACTABLE", rep1,
                eastManufacturing, now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(40)));
        followUp(contactable2, rep1, "WECHAT", now.minus(Duration.ofHours(20)), "加了微信，发了方案摘要。");
        count += 2;
        // Invalid, waiting for the manager's review.
        long invalid = lead(new Demo("无锡旧号码贸易公司", "王某", null, "13300008008", "华东", "贸易", LeadSource.OTHER,
                "名片", null, null), "INVALID", rep2, null, now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(4)));
        jdbc.sql("UPDATE sales_lead SET invalid_reason = '空号，邮箱退信' WHERE id = ?").param(invalid).update();
        event(invalid, "MARKED_INVALID", rep2, rep2, null, now.minus(Duration.ofHours(4)), "空号，邮箱退信");
        // Nurturing.
        long nurturing = lead(new Demo("深圳远景新能源有限公司", "林涛", "副总裁", "13200009009", "华南", "新能源",
                LeadSource.TRADE_SHOW, "展会-深圳高交会", "明年预算再议", "待核实"), "NURTURING", rep4, southRule,
                now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)).plus(Duration.ofMinutes(50)));
        followUp(nurturing, rep4, "MEETING", now.minus(Duration.ofDays(8)), "线下见面，今年预算已用完，明年一季度再联系。");
        // Converted into a demo customer of rep1; closed after review.
        DemoCustomers.Customer target = customers.stream().filter(c -> Objects.equals(c.ownerId(), rep1)).findFirst()
                .orElse(null);
        if (target != null) {
            long converted = lead(new Demo(target.name(), "刘洋", "采购经理", "13100010010", "华东", target.industry(),
                    LeadSource.WEBSITE, "官网表单-价格页", "采购意向明确", "40万"), "CONVERTED", rep1, null,
                    now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)).plus(Duration.ofMinutes(15)));
            jdbc.sql("UPDATE sales_lead SET customer_id = ?, converted_at = ? WHERE id = ?")
                    .params(target.id(), ts(now.minus(Duration.ofDays(35))), converted).update();
            event(converted, "CONVERTED", rep1, rep1, null, now.minus(Duration.ofDays(35)), null);
            count++;
        }
        long closed = lead(new Demo("东莞错投五金店", "赵", null, "13000011011", "华南", "零售", LeadSource.SOCIAL_MEDIA,
                "公众号留言", null, null), "CLOSED", rep3, null, now.minus(Duration.ofDays(6)),
                now.minus(Duration.ofDays(6)).plus(Duration.ofMinutes(30)));
        jdbc.sql("UPDATE sales_lead SET invalid_reason = '行业不符', close_reason = '行业不符' WHERE id = ?").param(closed)
                .update();
        event(closed, "INVALID_CONFIRMED", south.managerId(), rep3, null, now.minus(Duration.ofDays(5)), "行业不符");
        return count + 4;
    }

    private long rule(int position, String name, String region, String industry, RuleTarget target, Long user,
            Long team, boolean onArrival) {
        return jdbc.sql("""
                INSERT INTO lead_rule (position, name, region, industry, target, user_id, team_id, on_arrival)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(position, name, region, industry, target.name(), user, team, onArrival)
                .query(Long.class).single();
    }

    /** A lead created at {@code created}; an owned one assigned then, confirmed at {@code confirmed} (or not). */
    private long lead(Demo d, String status, Long owner, Long rule, Instant created, Instant confirmed) {
        Instant due = owner == null ? null : calendar.addWorkingTime(created, Duration.ofHours(1));
        long id = jdbc.sql("""
                INSERT INTO sales_lead (company_name, name_key, contact_name, title, mobile, region, industry, source,
                       source_detail, purchase_intent, budget, status, owner_id, rule_id, assigned_at, confirm_due,
                       confirmed_at, created_at, updated_at, first_contact_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(d.company(), names.nameKey(d.company()), d.contact(), d.title(), d.mobile(), d.region(),
                        d.industry(), d.source().name(), d.sourceDetail(), d.intent(), d.budget(), status, owner, rule,
                        owner == null ? null : ts(created), due == null ? null : ts(due),
                        confirmed == null ? null : ts(confirmed), ts(created), ts(confirmed == null ? created : confirmed),
                        confirmed == null ? null : ts(confirmed))
                .query(Long.class).single();
        event(id, "CREATED", null, null, null, created, null);
        if (owner != null) {
            event(id, "ASSIGNED", null, owner, rule, created, null);
        }
        if (confirmed != null) {
            event(id, "CONFIRMED", owner, owner, null, confirmed, null);
        }
        return id;
    }

    private void followUp(long lead, long author, String kind, Instant at, String content) {
        jdbc.sql("""
                INSERT INTO lead_follow_up (lead_id, author_id, kind, occurred_at, recorded_at, content) VALUES (?, ?, ?, ?, ?, ?)
                """).params(lead, author, kind, ts(at), ts(at.plus(Duration.ofMinutes(30))), content).update();
    }

    private void event(long lead, String kind, Long actor, Long owner, Long rule, Instant at, String body) {
        jdbc.sql("INSERT INTO lead_event (lead_id, kind, actor_id, owner_id, rule_id, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(lead, kind, actor, owner, rule, ts(at), body).update();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
