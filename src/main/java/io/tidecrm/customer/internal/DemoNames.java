package io.tidecrm.customer.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tidecrm.support.DemoRandom;

/**
 * Company names, places and credit codes of the demo customers (development only): realistic
 * Chinese company names made of a city, a brand, a line of business and a legal form, with the
 * first half of the list in East China and the second in South China, as the two demo teams
 * are (a few from elsewhere).
 */
final class DemoNames {

    static final int COUNT = 150;

    private DemoNames() {
    }

    record City(String shortName, String region, String code, List<String> districts) {
    }

    record Brand(String name, String pinyin) {
    }

    record Industry(String label, String word, String domainSuffix) {
    }

    record Company(String name, City city, Brand brand, Industry industry) {

        String region() {
            return city.region();
        }

        String shortName() {
            return city.shortName() + brand.name();
        }

        String address(DemoRandom random) {
            return city.region() + random.pick(city.districts()) + random.pick(ROADS) + " " + random.between(8, 999)
                    + " 号" + random.pick(BUILDINGS);
        }
    }

    private static final List<City> EAST = List.of(
            new City("上海", "上海市", "310000", List.of("浦东新区", "徐汇区", "闵行区", "静安区")),
            new City("杭州", "浙江省杭州市", "330100", List.of("西湖区", "滨江区", "余杭区")),
            new City("宁波", "浙江省宁波市", "330200", List.of("鄞州区", "海曙区")),
            new City("南京", "江苏省南京市", "320100", List.of("鼓楼区", "建邺区", "江宁区")),
            new City("苏州", "江苏省苏州市", "320500", List.of("工业园区", "姑苏区", "吴中区")),
            new City("合肥", "安徽省合肥市", "340100", List.of("蜀山区", "包河区")),
            new City("济南", "山东省济南市", "370100", List.of("历下区", "高新区")));

    private static final List<City> SOUTH = List.of(
            new City("深圳", "广东省深圳市", "440300", List.of("南山区", "福田区", "龙岗区", "宝安区")),
            new City("广州", "广东省广州市", "440100", List.of("天河区", "海珠区", "番禺区")),
            new City("东莞", "广东省东莞市", "441900", List.of("南城街道", "松山湖")),
            new City("佛山", "广东省佛山市", "440600", List.of("禅城区", "顺德区")),
            new City("厦门", "福建省厦门市", "350200", List.of("思明区", "湖里区")),
            new City("福州", "福建省福州市", "350100", List.of("鼓楼区", "仓山区")),
            new City("南宁", "广西壮族自治区南宁市", "450100", List.of("青秀区", "西乡塘区")));

    private static final List<City> ELSEWHERE = List.of(
            new City("北京", "北京市", "110000", List.of("海淀区", "朝阳区", "东城区")),
            new City("成都", "四川省成都市", "510100", List.of("高新区", "武侯区", "锦江区")),
            new City("武汉", "湖北省武汉市", "420100", List.of("洪山区", "江汉区")));

    private static final List<Brand> BRANDS = List.of(
            new Brand("云帆", "yunfan"), new Brand("鼎辉", "dinghui"), new Brand("星河", "xinghe"),
            new Brand("瑞达", "ruida"), new Brand("华信", "huaxin"), new Brand("博远", "boyuan"),
            new Brand("启明", "qiming"), new Brand("天擎", "tianqing"), new Brand("汇通", "huitong"),
            new Brand("众合", "zhonghe"), new Brand("恒昌", "hengchang"), new Brand("锦程", "jincheng"),
            new Brand("海纳", "haina"), new Brand("新程", "xincheng"), new Brand("优品", "youpin"),
            new Brand("领航", "linghang"), new Brand("睿智", "ruizhi"), new Brand("金桥", "jinqiao"),
            new Brand("创联", "chuanglian"), new Brand("嘉禾", "jiahe"), new Brand("远景", "yuanjing"),
            new Brand("同创", "tongchuang"), new Brand("蓝海", "lanhai"), new Brand("青藤", "qingteng"),
            new Brand("晨光", "chenguang"), new Brand("联拓", "liantuo"), new Brand("聚能", "juneng"),
            new Brand("万象", "wanxiang"), new Brand("卓越", "zhuoyue"), new Brand("百川", "baichuan"),
            new Brand("九州", "jiuzhou"), new Brand("悦享", "yuexiang"), new Brand("安途", "antu"),
            new Brand("知行", "zhixing"), new Brand("橙果", "chengguo"), new Brand("墨言", "moyan"),
            new Brand("凌云", "lingyun"), new Brand("沃德", "wode"), new Brand("米多", "miduo"),
            new Brand("亿邦", "yibang"), new Brand("格物", "gewu"), new Brand("拓维", "tuowei"));

    private static final List<Industry> INDUSTRIES = List.of(
            new Industry("教育培训", "教育科技", "edu"),
            new Industry("电子商务", "电子商务", "shop"),
            new Industry("零售连锁", "商贸", "mall"),
            new Industry("医疗健康", "医疗科技", "med"),
            new Industry("金融保险", "保险代理", "ins"),
            new Industry("房地产", "房地产经纪", "fang"),
            new Industry("企业服务", "信息技术", "tech"),
            new Industry("汽车服务", "汽车销售服务", "auto"),
            new Industry("旅游出行", "国际旅行社", "trip"),
            new Industry("餐饮", "餐饮管理", "food"),
            new Industry("智能制造", "智能装备", "mfg"),
            new Industry("物流供应链", "供应链管理", "scm"),
            new Industry("文化传媒", "文化传媒", "media"),
            new Industry("美容美业", "美容连锁", "beauty"));

    static final List<String> ROADS = List.of("科技路", "人民路", "中山路", "建设路", "解放路", "新华路", "学院路",
            "创业大道", "金融街", "长江路", "滨江大道");

    static final List<String> BUILDINGS = List.of("国际大厦 12 楼", "科技园 3 号楼 502 室", "创业园 B 座 8 层",
            "广场 2 号楼 1603 室", "中心 A 座 21 层", "产业园 5 栋 301");

    /**
     * The first demo customer, the same whatever the rest of the list: the marker that the demo
     * data is there, so that a later change of the list never seeds it a second time.
     */
    static final Company MARKER = new Company("杭州潮汐网络科技有限公司", EAST.get(1), new Brand("潮汐", "chaoxi"),
            new Industry("企业服务", "网络科技", "tech"));

    /**
     * The demo's companies, starting with {@link #MARKER}, the same on every call with a random
     * source of the same seed: the first half mostly in East China, the second mostly in South China.
     */
    static List<Company> companies(DemoRandom random) {
        List<Company> companies = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        companies.add(MARKER);
        keys.add(CustomerNames.key(MARKER.name()));
        List<Brand> brands = random.shuffled(BRANDS);
        int b = 0;
        while (companies.size() < COUNT) {
            boolean east = companies.size() < COUNT / 2;
            List<City> cities = random.chance(0.12) ? ELSEWHERE : east ? EAST : SOUTH;
            City city = random.pick(cities);
            Brand brand = brands.get(b++ % brands.size());
            Industry industry = random.pick(INDUSTRIES);
            int form = random.between(1, 20);
            String name = city.shortName() + brand.name() + industry.word()
                    + (form <= 17 ? "有限公司" : form <= 19 ? "股份有限公司" : "有限责任公司");
            // Names must differ after the duplicate check's folding, not only as written.
            if (keys.add(CustomerNames.key(name))) {
                companies.add(new Company(name, city, brand, industry));
            }
        }
        return companies;
    }

    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** A unified social credit code with a valid check character: a company (91) of the region. */
    static String creditCode(String regionCode, DemoRandom random) {
        StringBuilder code = new StringBuilder("91").append(regionCode);
        for (int i = 0; i < 9; i++) {
            code.append(CODE_ALPHABET.charAt(random.between(0, i < 8 ? 30 : 9)));
        }
        for (char check : CODE_ALPHABET.toCharArray()) {
            if (CreditCodes.isValid(code.toString() + check)) {
                return code.toString() + check;
            }
        }
        throw new IllegalStateException("No check character for " + code);
    }
}
