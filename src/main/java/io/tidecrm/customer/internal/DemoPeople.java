package io.tidecrm.customer.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tidecrm.support.DemoRandom;

/**
 * The contacts of the demo customers (development only): Chinese names with the pinyin their
 * e-mail addresses are made of, titles that fit whom a CRM vendor talks to, distinct mobiles.
 */
final class DemoPeople {

    record Person(String name, String gender, String department, String title, String mobile, String nickname,
            String wechatId, String email, LocalDate birthday, String remarks) {
    }

    private record Part(String chinese, String pinyin, String gender) {
    }

    private record Role(String department, String title) {
    }

    private static final List<Part> SURNAMES = parts("王 wang,李 li,张 zhang,刘 liu,陈 chen,杨 yang,黄 huang,赵 zhao,"
            + "吴 wu,周 zhou,徐 xu,孙 sun,马 ma,朱 zhu,胡 hu,郭 guo,何 he,林 lin,罗 luo,高 gao,郑 zheng,梁 liang,谢 xie,"
            + "宋 song,唐 tang,韩 han,冯 feng,邓 deng,曹 cao,彭 peng", null);

    private static final List<Part> GIVEN = parts("伟 wei M,芳 fang F,静 jing F,丽 li F,强 qiang M,磊 lei M,军 jun M,"
            + "勇 yong M,艳 yan F,杰 jie M,娟 juan F,涛 tao M,明 ming M,超 chao M,秀英 xiuying F,霞 xia F,平 ping M,"
            + "刚 gang M,浩然 haoran M,子涵 zihan F,雨桐 yutong F,思远 siyuan M,晓东 xiaodong M,文博 wenbo M,佳怡 jiayi F,"
            + "志强 zhiqiang M,海峰 haifeng M,欣怡 xinyi F,建华 jianhua M,婷婷 tingting F,俊杰 junjie M,梦琪 mengqi F,"
            + "宇航 yuhang M,晓燕 xiaoyan F,国栋 guodong M,雪梅 xuemei F", "");

    /** The first contact of a customer is someone who decides. */
    private static final List<Role> DECIDERS = List.of(new Role("总经办", "总经理"), new Role("总经办", "创始人兼 CEO"),
            new Role("运营部", "运营总监"), new Role("销售部", "销售总监"), new Role("客服中心", "客服总监"));

    private static final List<Role> OTHERS = List.of(new Role("信息技术部", "IT 经理"), new Role("客服中心", "客服主管"),
            new Role("市场部", "市场经理"), new Role("采购部", "采购经理"), new Role("技术部", "技术负责人"),
            new Role("财务部", "财务经理"), new Role("运营部", "私域运营"));

    private static final List<String> MOBILE_PREFIXES = List.of("135", "136", "137", "138", "139", "150", "151", "152",
            "158", "159", "177", "180", "181", "182", "186", "187", "188", "189", "199");

    /** Names of the demo users: no contact is called like a colleague. */
    private static final Set<String> TAKEN = Set.of("张伟", "李娜", "刘洋", "赵敏");

    private final DemoRandom random;
    private final Set<String> mobiles = new HashSet<>();

    DemoPeople(DemoRandom random) {
        this.random = random;
    }

    private static List<Part> parts(String list, String defaultGender) {
        return java.util.Arrays.stream(list.split(",")).map(item -> {
            String[] p = item.split(" ");
            return new Part(p[0], p[1], p.length > 2 ? p[2] : defaultGender);
        }).toList();
    }

    /** A contact of the customer; the first one ({@code decider}) decides. */
    Person next(CustomerDemoSeeder.Draft customer, boolean decider) {
        Part surname;
        Part given;
        do {
            surname = random.pick(SURNAMES);
            given = random.pick(GIVEN);
        } while (TAKEN.contains(surname.chinese() + given.chinese()));
        String name = surname.chinese() + given.chinese();
        Role role = random.pick(decider ? DECIDERS : OTHERS);
        String mobile;
        do {
            mobile = random.pick(MOBILE_PREFIXES) + String.format("%08d", random.between(0, 99_999_999));
        } while (!mobiles.add(mobile));
        String domain = customer.brandPinyin + customer.domainSuffix + random.pick(".com", ".cn");
        String email = random.chance(0.5) ? given.pinyin() + "." + surname.pinyin() + "@" + domain
                : surname.pinyin() + given.pinyin() + "@" + domain;
        String nickname = random.pick(name, surname.chinese() + "总", given.chinese() + "-" + customer.brandPinyin,
                given.pinyin() + random.between(1, 99));
        String wechatId = random.chance(0.5) ? "wxid_" + surname.pinyin() + random.between(1000, 99999)
                : surname.pinyin() + given.pinyin() + random.between(80, 99);
        LocalDate birthday = random.chance(0.2) ? LocalDate.of(random.between(1970, 1998), random.between(1, 12),
                random.between(1, 28)) : null;
        String remarks = random.chance(0.15) ? random.pick("微信回复比电话快", "上午开会多，下午再联系", "喜欢先看案例再谈价格") : null;
        return new Person(name, "F".equals(given.gender()) ? "FEMALE" : "MALE", role.department(), role.title(), mobile,
                nickname, wechatId, email.length() <= 100 ? email : null, birthday, remarks);
    }
}
