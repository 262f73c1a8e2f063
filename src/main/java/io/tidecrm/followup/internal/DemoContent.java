package io.tidecrm.followup.internal;

import java.util.List;
import java.util.Map;

import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.support.DemoRandom;

/**
 * The wording of the demo follow-ups (development only): what a rep writes after a call, a
 * WeChat chat or a visit at each step of the sales path, with the contact's name and the product
 * the customer is interested in.
 */
final class DemoContent {

    record Written(FollowUpKind kind, String text) {
    }

    private record Template(List<FollowUpKind> kinds, String text) {
    }

    private static Template t(String kinds, String text) {
        return new Template(java.util.Arrays.stream(kinds.split(",")).map(FollowUpKind::valueOf).toList(), text);
    }

    private static final Map<FollowUpDemoSeeder.Step, List<Template>> TEMPLATES = Map.of(
            FollowUpDemoSeeder.Step.FIRST_VISIT, List.of(
                    t("PHONE", "初次电话沟通，{contact}对{product}有兴趣，约了下周线上演示。"),
                    t("WECHAT", "通过公众号留言加了{contact}的微信，发了{product}的产品介绍和同行案例。"),
                    t("VISIT", "上门拜访{contact}，了解到目前用个人微信管理客户，员工离职带走客户的问题很突出。"),
                    t("EMAIL", "按{contact}的要求发送{product}产品资料和报价区间。")),
            FollowUpDemoSeeder.Step.TRIAL, List.of(
                    t("PHONE,WECHAT", "开通{product}试用账号（15 天），{contact}拉了 {n} 位同事一起试用。"),
                    t("MEETING", "远程培训试用账号的使用，{contact}反馈会话存档和客户标签很需要。")),
            FollowUpDemoSeeder.Step.INTENT, List.of(
                    t("PHONE,VISIT", "{contact}确认有采购意向：{n} 个座席，希望下个月上线。"),
                    t("MEETING", "线上演示后{contact}表示认可，正在内部走预算流程。")),
            FollowUpDemoSeeder.Step.QUOTED, List.of(
                    t("EMAIL", "发送正式报价单给{contact}：{product}，{n} 个座席，按标准价 9 折。"),
                    t("PHONE", "电话沟通报价，{contact}觉得价格偏高，要和老板商量后回复。")),
            FollowUpDemoSeeder.Step.NEGOTIATING, List.of(
                    t("VISIT,MEETING", "商务谈判：客户希望首年 85 折并赠送上线培训，已请示经理。"),
                    t("WECHAT,EMAIL", "{contact}发来合同修改意见，主要是付款方式改为分两期。")),
            FollowUpDemoSeeder.Step.ON_HOLD, List.of(
                    t("PHONE", "{contact}表示预算冻结到下季度，项目暂时搁置。"),
                    t("WECHAT", "客户组织架构调整，采购暂停，约定两个月后再联系。")),
            FollowUpDemoSeeder.Step.PROGRESS, List.of(
                    t("PHONE,WECHAT", "跟进试用情况，{contact}反馈消息同步偶有延迟，已转技术支持处理。"),
                    t("WECHAT", "发了同行业的成功案例，{contact}已读，说这周内看完回复。"),
                    t("PHONE", "{contact}在开会，约了明天下午再打。"),
                    t("SMS", "短信提醒{contact}明天上午的演示会议。"),
                    t("EMAIL", "邀请{contact}参加下周的线上客户沙龙。"),
                    t("OTHER", "在行业展会上碰到{contact}，简单聊了项目进度。")),
            FollowUpDemoSeeder.Step.SUBMITTED, List.of(
                    t("VISIT", "合同已盖章寄回，提交经理审批。"),
                    t("WECHAT,PHONE", "{contact}确认合同条款和付款计划，已提交审批。")),
            FollowUpDemoSeeder.Step.AFTER_WON, List.of(
                    t("VISIT,MEETING", "上线回访：系统运行正常，培训了 {n} 名员工。"),
                    t("PHONE", "提醒首期款的付款时间，{contact}说财务本周安排。"),
                    t("WECHAT", "季度回访，客户满意，提到另一个部门也有需求，下周约见。")));

    private final DemoRandom random;

    DemoContent(DemoRandom random) {
        this.random = random;
    }

    Written write(FollowUpDemoSeeder.Step step, DemoCustomers.Customer customer, ContactRef contact) {
        Template template = random.pick(TEMPLATES.get(step));
        FollowUpKind kind = random.pick(template.kinds());
        String who = contact == null ? "对方"
                : contact.name() + (contact.title() == null ? "" : "（" + contact.title() + "）");
        String text = template.text()
                .replace("{contact}", who)
                .replace("{product}", product(customer.productLine()))
                .replace("{n}", String.valueOf(customer.seats()));
        return new Written(kind, text);
    }

    /** A Latin name between Chinese words is set off by spaces. */
    private static String product(String name) {
        return name.matches("[A-Za-z].*") ? " " + name + " " : name;
    }
}
