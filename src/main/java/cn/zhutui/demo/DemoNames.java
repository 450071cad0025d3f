package cn.zhutui.demo;

import java.util.List;
import java.util.Random;

/** Fictional people and employers for the demo; any likeness to real persons is accidental. */
final class DemoNames {

    private static final String SURNAMES = "李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢普者字杞";
    private static final String GIVEN = "云帆春晓志远海燕明华丽萍建国秀英文斌红梅德福玉兰思源晓东永平桂芳家兴雪松金凤立新慧敏国强丽娟";
    private static final List<String> EMPLOYERS = List.of("%s农业科技示范有限公司", "%s人民医院", "%s第一中学", "%s电子商务协会",
            "%s农村信用合作联社", "%s茶叶专业合作社", "%s律师事务所", "%s文化旅游开发有限公司", "%s建筑设计院", "%s中药材种植基地");
    private static final List<String> POSTS = List.of("董事长", "总经理", "院长", "校长", "主任医师", "会长", "理事长", "律师", "高级农艺师", "教师");
    static final List<String> EXPERTISE = List.of("农业技术", "电商销售", "医疗卫生", "教育培训", "金融服务", "法律服务", "文化旅游",
            "建筑规划", "特色种植", "畜牧养殖", "中药材", "乡村治理");

    private final Random random;

    DemoNames() {
        this(20210506);
    }

    /** Another sequence of names (the households of the pairing demo are not the members). */
    DemoNames(long seed) {
        this.random = new Random(seed);
    }

    String person() {
        char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
        int g = random.nextInt(GIVEN.length() / 2) * 2;
        return random.nextInt(4) == 0 ? surname + GIVEN.substring(g, g + 1) : surname + GIVEN.substring(g, g + 2);
    }

    String employer(String place) {
        return String.format(pick(EMPLOYERS), place);
    }

    String post() {
        return pick(POSTS);
    }

    /** 199 0000 xxxx: a range no real subscriber has, so demo phones are recognisable. */
    String phone(int n) {
        return String.format("1990000%04d", n % 10000);
    }

    String expertise() {
        String a = pick(EXPERTISE);
        String b = pick(EXPERTISE);
        return a.equals(b) ? a : a + "、" + b;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
