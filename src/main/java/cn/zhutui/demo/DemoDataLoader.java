package cn.zhutui.demo;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Role;
import cn.zhutui.member.MemberForm;
import cn.zhutui.member.MemberService;
import cn.zhutui.member.MembershipForm;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserForm;
import cn.zhutui.security.UserService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with a demonstration province: Yunnan's divisions, its CPPCC org tree,
 * a few hundred fictional members and one login per role. Runs only on an empty database, and by
 * default only with the embedded database.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    static final List<String> SPECIAL_COMMITTEES = List.of("农业农村委员会", "经济委员会", "教科文卫体委员会", "民族和宗教委员会",
            "人口资源环境委员会", "社会和法制委员会", "提案委员会", "文化文史和学习委员会", "港澳台侨和外事委员会");

    /** Illustrative tags for the demo, not the official lists: an admin sets the real ones. */
    private static final List<String> NATIONAL_KEY = List.of("镇雄县", "彝良县", "永善县", "大关县", "会泽县", "澜沧拉祜族自治县",
            "宁蒗彝族自治县", "福贡县", "贡山独龙族怒族自治县", "兰坪白族普米族自治县", "泸水市", "元阳县", "红河县",
            "金平苗族瑶族傣族自治县", "广南县", "屏边苗族自治县", "西盟佤族自治县", "沧源佤族自治县", "禄劝彝族苗族自治县",
            "武定县", "巧家县", "鲁甸县", "绿春县", "文山市", "丘北县", "墨江哈尼族自治县", "梁河县");
    private static final List<String> PROVINCIAL_KEY = List.of("寻甸回族彝族自治县", "东川区", "富源县", "师宗县", "罗平县",
            "施甸县", "龙陵县", "昌宁县", "永胜县", "华坪县", "景东彝族自治县", "镇沅彝族哈尼族拉祜族自治县", "孟连傣族拉祜族佤族自治县",
            "凤庆县", "云县", "永德县", "双江拉祜族佤族布朗族傣族自治县", "姚安县", "大姚县", "永仁县", "泸西县", "西畴县",
            "马关县", "富宁县", "勐腊县", "漾濞彝族自治县", "南涧彝族自治县", "巍山彝族回族自治县", "剑川县", "维西傈僳族自治县");
    private static final List<String> DEEP_POVERTY = List.of("镇雄县", "彝良县", "福贡县", "贡山独龙族怒族自治县", "兰坪白族普米族自治县",
            "泸水市", "澜沧拉祜族自治县", "宁蒗彝族自治县", "德钦县", "维西傈僳族自治县", "香格里拉市");

    private final RegionService regions;
    private final OrgService orgs;
    private final MemberService members;
    private final UserService users;
    private final DemoProperties props;
    private final Environment env;
    private final TransactionTemplate tx;
    private final List<DemoStep> laterSteps;

    DemoDataLoader(RegionService regions, OrgService orgs, MemberService members, UserService users,
                   DemoProperties props, Environment env, TransactionTemplate tx, List<DemoStep> laterSteps) {
        this.regions = regions;
        this.orgs = orgs;
        this.members = members;
        this.users = users;
        this.props = props;
        this.env = env;
        this.tx = tx;
        this.laterSteps = laterSteps;
    }

    /**
     * Only when asked for (the "demo" profile, which ./mvnw spring-boot:run sets, or
     * zhutui.demo.enabled=true): a plain java -jar on an empty database is a real deployment.
     */
    static boolean enabled(DemoProperties props, Environment env) {
        return Boolean.TRUE.equals(props.enabled());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled(props, env) || users.any()) {
            return;
        }
        long start = System.currentTimeMillis();
        DataScope system = DataScope.system();
        tx.executeWithoutResult(s -> {
            if (regions.count() == 0) {
                regions.importBundled(system, "yunnan");
            }
            tagCounties(system);
        });
        Map<String, Long> committees = tx.execute(s -> createOrgs(system));
        tx.executeWithoutResult(s -> createMembers(system, committees));
        tx.executeWithoutResult(s -> createUsers(system, committees));
        DemoContext context = new DemoContext(committees);
        for (DemoStep step : laterSteps) {
            tx.executeWithoutResult(s -> step.load(system, context));
        }
        log.info("Demo data loaded in {} ms", System.currentTimeMillis() - start);
    }

    private void tagCounties(DataScope system) {
        Map<String, String> countyByName = new HashMap<>();
        regions.atLevel(RegionLevel.COUNTY, "53").forEach(r -> countyByName.put(r.name(), r.code()));
        Map<String, List<String>> tags = Map.of("NATIONAL_KEY", NATIONAL_KEY, "PROVINCIAL_KEY", PROVINCIAL_KEY, "DEEP_POVERTY", DEEP_POVERTY);
        tags.forEach((tag, names) -> names.stream().map(countyByName::get).filter(java.util.Objects::nonNull)
                .forEach(code -> regions.addTag(system, code, tag)));
    }

    /** The province committee, its office and special committees, and a committee per prefecture and county. */
    private Map<String, Long> createOrgs(DataScope system) {
        Map<String, Long> committees = new HashMap<>();
        Region province = regions.get("53");
        long root = orgs.create(system, form(null, "云南省政协", OrgKind.COMMITTEE, OrgLevel.PROVINCE, "53", 0));
        committees.put("53", root);
        orgs.create(system, form(root, "云南省政协办公厅", OrgKind.OFFICE, OrgLevel.PROVINCE, "53", 1));
        int sort = 10;
        for (String name : SPECIAL_COMMITTEES) {
            orgs.create(system, form(root, name, OrgKind.SPECIAL_COMMITTEE, OrgLevel.PROVINCE, "53", sort++));
        }
        sort = 100;
        for (Region prefecture : regions.children(province.code())) {
            long p = orgs.create(system, form(root, prefecture.name() + "政协", OrgKind.COMMITTEE, OrgLevel.PREFECTURE, prefecture.code(), sort++));
            committees.put(prefecture.code(), p);
            orgs.create(system, form(p, prefecture.name() + "政协办公室", OrgKind.OFFICE, OrgLevel.PREFECTURE, prefecture.code(), 0));
            int csort = 10;
            for (Region county : regions.children(prefecture.code())) {
                long c = orgs.create(system, form(p, county.name() + "政协", OrgKind.COMMITTEE, OrgLevel.COUNTY, county.code(), csort++));
                committees.put(county.code(), c);
            }
        }
        long luquan = committees.get(DemoAccounts.LUQUAN);
        orgs.create(system, form(luquan, "禄劝县政协办公室", OrgKind.OFFICE, OrgLevel.COUNTY, DemoAccounts.LUQUAN, 0));
        orgs.create(system, form(luquan, "禄劝县政协农业和农村委员会", OrgKind.SPECIAL_COMMITTEE, OrgLevel.COUNTY, DemoAccounts.LUQUAN, 1));
        orgs.create(system, form(luquan, "屏山街道委员活动小组", OrgKind.GROUP, OrgLevel.TOWNSHIP, DemoAccounts.LUQUAN_TOWNSHIP, 2));
        orgs.create(system, form(luquan, "乡村振兴委员工作室", OrgKind.STUDIO, OrgLevel.COUNTY, DemoAccounts.LUQUAN, 3));
        orgs.create(system, form(luquan, "省政协办公厅驻村工作队", OrgKind.WORK_TEAM, OrgLevel.VILLAGE, DemoAccounts.LUQUAN_TOWNSHIP, 4));
        orgs.create(system, form(root, "省政协机关定点帮扶工作组", OrgKind.ASSIST_UNIT, OrgLevel.PROVINCE, "53", 5));
        return committees;
    }

    private void createMembers(DataScope system, Map<String, Long> committees) {
        DemoNames names = new DemoNames();
        List<Org> specialCommittees = orgs.inScope(system, OrgKind.SPECIAL_COMMITTEE).stream()
                .filter(o -> o.level() == OrgLevel.PROVINCE).toList();
        List<String> sectors = List.of("AGRICULTURE", "ECONOMY", "HEALTH", "EDUCATION", "SCIENCE", "ACFIC", "CULTURE", "ETHNIC", "CPC", "CDL");
        int n = 0;
        for (Map.Entry<String, Long> committee : committees.entrySet()) {
            String code = committee.getKey();
            int count = code.length() == 2 ? 100 : code.length() == 4 ? 8 : code.equals(DemoAccounts.LUQUAN) ? 12 : 3;
            String place = regions.get(code).name().replaceAll("(彝族|苗族|回族|哈尼族|傣族|白族|纳西族|傈僳族|拉祜族|佤族|藏族|布朗族|普米族|独龙族|怒族|瑶族|壮族|蒙古族|阿昌族|景颇族|基诺族|德昂族)+自治(县|州)$", "").replaceAll("(省|市|县|区|州)$", "");
            for (int i = 0; i < count; i++) {
                MemberForm f = new MemberForm();
                f.setName(names.person());
                f.setGender(names.nextInt(3) == 0 ? "F" : "M");
                f.setEthnicity(names.nextInt(3) == 0 ? String.format("%02d", 2 + names.nextInt(30)) : "01");
                f.setSector(names.pick(sectors));
                f.setParty(names.nextInt(2) == 0 ? "CPC" : names.pick(List.of("CDL", "CNDCA", "JS", "NONPARTY", "MASSES")));
                f.setEmployer(names.employer(place));
                f.setPost(names.post());
                f.setPhone(names.phone(++n));
                f.setExpertise(names.expertise());
                f.setTerm("13");
                List<MembershipForm> ms = new ArrayList<>();
                ms.add(new MembershipForm(committee.getValue(), i == 0 ? "VICE_CHAIR" : i < 3 ? "STANDING" : "MEMBER"));
                if (code.length() == 2 && i % 5 != 4) {
                    ms.add(new MembershipForm(specialCommittees.get(i % specialCommittees.size()).id(), i < 9 ? "DIRECTOR" : "MEMBER"));
                }
                f.setMemberships(ms);
                members.create(system, f);
            }
        }
    }

    private void createUsers(DataScope system, Map<String, Long> committees) {
        long memberOfLuquan = members.search(system, new cn.zhutui.member.MemberQuery(committees.get(DemoAccounts.LUQUAN), false, null, null, null, true),
                cn.zhutui.common.PageRequest.of(1, 1)).items().get(0).member().id();
        for (DemoAccounts.Account a : DemoAccounts.ALL) {
            UserForm f = new UserForm();
            f.setUsername(a.username());
            f.setOrgId(committees.get(a.orgRegionCode()));
            f.setRoles(EnumSet.copyOf(a.roles()));
            if (a.roles().contains(Role.MEMBER)) {
                f.setMemberId(memberOfLuquan);
                f.setDisplayName(members.find(memberOfLuquan).orElseThrow().name());
            } else {
                f.setDisplayName(a.displayName());
            }
            if (a.roles().contains(Role.CADRE)) {
                f.setRegionCode(DemoAccounts.LUQUAN_TOWNSHIP);
            }
            users.create(system, f, props.password());
        }
    }

    private static OrgForm form(Long parent, String name, OrgKind kind, OrgLevel level, String region, int sort) {
        OrgForm f = new OrgForm();
        f.setParentId(parent);
        f.setName(name);
        f.setKind(kind);
        f.setLevel(level);
        f.setRegionCode(region);
        f.setSort(sort);
        return f;
    }
}
