package cn.zhutui.demo;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.household.Goal;
import cn.zhutui.household.GoalAssessment;
import cn.zhutui.household.GoalStatus;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdForm;
import cn.zhutui.household.HouseholdMember;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.IdNumbers;
import cn.zhutui.household.PersonForm;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.DutyItem;
import cn.zhutui.pairing.DutyService;
import cn.zhutui.pairing.DutyTemplate;
import cn.zhutui.pairing.PairingForm;
import cn.zhutui.pairing.PairingKind;
import cn.zhutui.pairing.PairingService;
import cn.zhutui.pairing.VisitForm;
import cn.zhutui.pairing.VisitService;
import cn.zhutui.pairing.VisitSource;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.CurrentScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 三联三促 in Luquan and Wuding: fictional households (with valid-looking, invented ID
 * numbers, members over time, incomes, the "四个有" of recent quarters, one likely duplicate), each
 * member paired with a 脱贫户 and a 示范户 (two are short of it, for the 1+1 page), committees linked
 * to industries, the committee to villages, a province leader to Luquan and a contact point, the
 * province's assisting unit to Wuding, a township cadre's 认亲结对; visits from 2024 to today with
 * problems solved and funds coordinated, duties ticked with them as evidence. The demo member's
 * households are left unvisited this quarter, so the compliance page shows the work to do.
 */
@Component
@Order(30)
class PairingDemo implements DemoStep {

    private static final List<String> NOTES = List.of("了解家庭生产生活情况，宣讲产业扶持政策", "协调农技员上门指导食用菌大棚管理",
            "帮助联系县城务工岗位，落实就业补贴", "协调解决饮水管道破损问题", "指导庭院整治，清理房前屋后杂物",
            "了解孩子上学情况，协调助学金", "陪同到乡卫生院办理慢性病卡", "帮助销售土鸡和核桃", "讲解医保参保和防返贫监测政策",
            "协调修缮危旧房屋");
    private static final List<String> INDUSTRIES = List.of("食用菌", "肉牛羊养殖", "中药材", "核桃");

    private final HouseholdService households;
    private final PairingService pairings;
    private final VisitService visits;
    private final DutyService duties;
    private final MemberService members;
    private final OrgService orgs;
    private final RegionService regions;
    private final CurrentScope scopes;
    private final Random random = new Random(20230111);
    private final DemoNames names = new DemoNames(20230111);
    private int seq;

    PairingDemo(HouseholdService households, PairingService pairings, VisitService visits, DutyService duties, MemberService members,
                OrgService orgs, RegionService regions, CurrentScope scopes) {
        this.households = households;
        this.pairings = pairings;
        this.visits = visits;
        this.duties = duties;
        this.members = members;
        this.orgs = orgs;
        this.regions = regions;
        this.scopes = scopes;
    }

    @Override
    public void load(DataScope system, DemoContext context) {
        long began = System.currentTimeMillis();
        loadAll(system, context);
        org.slf4j.LoggerFactory.getLogger(PairingDemo.class).info("Pairing demo loaded in {} ms", System.currentTimeMillis() - began);
    }

    private void loadAll(DataScope system, DemoContext context) {
        LocalDate today = households.today();
        DataScope luquan = scopes.ofUsername("luquan.staff").asLoader();
        DataScope wuding = scopes.ofUsername("wuding.staff").asLoader();
        DataScope province = scopes.ofUsername("province.staff").asLoader();
        long luquanOrg = context.committeesByRegion().get(DemoAccounts.LUQUAN);
        long wudingOrg = context.committeesByRegion().get(DemoAccounts.WUDING);
        Long demoMember = scopes.ofUsername("member.demo").memberId();

        // households: the demo member's township first (屏山街道), then other villages of the county
        List<Region> pingshan = regions.atLevel(RegionLevel.VILLAGE, DemoAccounts.LUQUAN_TOWNSHIP);
        List<Region> luquanVillages = regions.atLevel(RegionLevel.VILLAGE, DemoAccounts.LUQUAN);
        List<Region> wudingVillages = regions.atLevel(RegionLevel.VILLAGE, DemoAccounts.WUDING);
        List<Long> lqPoor = new ArrayList<>();
        List<Long> lqModel = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Region village = i < 12 ? pingshan.get(i % Math.min(4, pingshan.size())) : luquanVillages.get((i * 7) % luquanVillages.size());
            boolean model = i % 3 == 2;
            long h = household(luquan, village, DemoAccounts.LUQUAN, model ? List.of(Household.SHIFAN, Household.YIBAN)
                    : i % 7 == 0 ? List.of(Household.TUOPIN, Household.BANQIAN) : i % 11 == 5 ? List.of(Household.TUOPIN, Household.JIANCE)
                    : List.of(Household.TUOPIN), today);
            (model ? lqModel : lqPoor).add(h);
        }
        List<Long> wdPoor = new ArrayList<>();
        List<Long> wdModel = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean model = i % 3 == 2;
            long h = household(wuding, wudingVillages.get((i * 5) % wudingVillages.size()), DemoAccounts.WUDING,
                    model ? List.of(Household.SHIFAN) : List.of(Household.TUOPIN), today);
            (model ? wdModel : wdPoor).add(h);
        }
        // a likely duplicate: the same person registered again with a mistyped ID number
        Household first = households.get(luquan, lqPoor.get(1));
        HouseholdMember head = households.members(luquan, first.id()).get(0);
        HouseholdForm again = new HouseholdForm();
        again.setRegionCode(first.regionCode());
        again.setHeadName(head.name());
        again.setHeadIdNumber(id(DemoAccounts.LUQUAN, head.birthDate()));
        again.setRegisteredOn(today.minusMonths(2));
        again.setTags(List.of(Household.TUOPIN));
        households.create(luquan, again);

        // members ↔ households: 1+1 for all but the last two of Luquan's members
        List<Long> lqMembers = membersOf(system, luquanOrg);
        List<Long> pairingsToVisit = new ArrayList<>();
        List<Long> demoPairings = new ArrayList<>();
        int poor = 0;
        int model = 0;
        for (int i = 0; i < lqMembers.size(); i++) {
            long m = lqMembers.get(i);
            LocalDate start = LocalDate.of(2023, 3 + (i % 6), 1 + i);
            if (poor < lqPoor.size()) {
                long p = pair(luquan, luquanOrg, PairingKind.MEMBER_HOUSEHOLD, m, lqPoor.get(poor++), start);
                (demoMember != null && m == demoMember ? demoPairings : pairingsToVisit).add(p);
            }
            if (i < lqMembers.size() - 2 && model < lqModel.size()) {
                long p = pair(luquan, luquanOrg, PairingKind.MEMBER_HOUSEHOLD, m, lqModel.get(model++), start);
                (demoMember != null && m == demoMember ? demoPairings : pairingsToVisit).add(p);
            }
        }
        // the demo member: two more households, and a pairing that ended and was handed over
        if (demoMember != null && poor + 2 < lqPoor.size()) {
            demoPairings.add(pair(luquan, luquanOrg, PairingKind.MEMBER_HOUSEHOLD, demoMember, lqPoor.get(poor++), LocalDate.of(2024, 2, 1)));
            demoPairings.add(pair(luquan, luquanOrg, PairingKind.MEMBER_HOUSEHOLD, demoMember, lqPoor.get(poor++), LocalDate.of(2024, 9, 1)));
            long handed = pair(luquan, luquanOrg, PairingKind.MEMBER_HOUSEHOLD, demoMember, lqPoor.get(poor++), LocalDate.of(2023, 5, 1));
            visit(luquan, handed, LocalDate.of(2023, 6, 12), false);
            PairingForm successor = new PairingForm();
            successor.setMemberId(lqMembers.get(lqMembers.size() - 1));
            long next = pairings.replace(luquan, handed, pairings.get(luquan, handed).version(), LocalDate.of(2024, 1, 1), successor, "工作调整，改由其他委员联系");
            pairingsToVisit.add(next);
        }
        List<Long> wdMembers = membersOf(system, wudingOrg);
        for (int i = 0; i < wdMembers.size(); i++) {
            if (i < wdPoor.size()) {
                pairingsToVisit.add(pair(wuding, wudingOrg, PairingKind.MEMBER_HOUSEHOLD, wdMembers.get(i), wdPoor.get(i), LocalDate.of(2023, 4, 1)));
            }
            if (i < wdModel.size()) {
                pairingsToVisit.add(pair(wuding, wudingOrg, PairingKind.MEMBER_HOUSEHOLD, wdMembers.get(i), wdModel.get(i), LocalDate.of(2023, 4, 1)));
            }
        }

        // orgs ↔ villages, the committee ↔ industries, leader ↔ county and contact point, unit ↔ county, cadre ↔ household
        List<Long> yearly = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PairingForm f = form(PairingKind.ORG_VILLAGE, luquanOrg, LocalDate.of(2023, 2, 1));
            f.setHelperOrgId(luquanOrg);
            f.setRegionCode(luquanVillages.get(3 + i * 11).code());
            yearly.add(pairings.create(luquan, f));
        }
        Org agriculture = orgs.inScope(luquan, OrgKind.SPECIAL_COMMITTEE).stream().findFirst().orElse(null);
        if (agriculture != null) {
            for (int i = 0; i < 2; i++) {
                long industry = pairings.createIndustry(luquan, INDUSTRIES.get(i), DemoAccounts.LUQUAN, luquanOrg, "禄劝县" + INDUSTRIES.get(i) + "产业链");
                PairingForm f = form(PairingKind.COMMITTEE_INDUSTRY, luquanOrg, LocalDate.of(2023, 3, 1));
                f.setHelperOrgId(agriculture.id());
                f.setIndustryId(industry);
                yearly.add(pairings.create(luquan, f));
            }
        }
        long provinceOrg = context.committeesByRegion().get("53");
        List<Long> leaders = membersOf(system, provinceOrg);
        PairingForm county = form(PairingKind.LEADER_COUNTY, provinceOrg, LocalDate.of(2021, 6, 1));
        county.setMemberId(leaders.get(0));
        county.setRegionCode(DemoAccounts.LUQUAN);
        yearly.add(pairings.create(province, county));
        PairingForm point = form(PairingKind.LEADER_CONTACT_POINT, provinceOrg, LocalDate.of(2021, 6, 1));
        point.setMemberId(leaders.get(0));
        point.setRegionCode(pingshan.get(0).code());
        yearly.add(pairings.create(province, point));
        orgs.inScope(province, OrgKind.ASSIST_UNIT).stream().findFirst().ifPresent(unit -> {
            PairingForm f = form(PairingKind.UNIT_COUNTY, provinceOrg, LocalDate.of(2021, 5, 6));
            f.setHelperOrgId(unit.id());
            f.setRegionCode(DemoAccounts.WUDING);
            yearly.add(pairings.create(province, f));
        });
        PairingForm cadre = form(PairingKind.CADRE_HOUSEHOLD, luquanOrg, LocalDate.of(2024, 3, 1));
        cadre.setCadreUserId(scopes.ofUsername("cadre.demo").userId());
        cadre.setHouseholdId(lqPoor.get(lqPoor.size() - 1));
        pairingsToVisit.add(pairings.create(luquan, cadre));

        // visits: each household pairing most quarters since 2024; the demo member's up to last quarter only
        Period now = Period.containing(today, PeriodType.QUARTER);
        for (long p : pairingsToVisit) {
            visitQuarters(luquanOrWuding(p, luquan, wuding), p, now, true);
        }
        for (long p : demoPairings) {
            visitQuarters(luquan, p, now, false);
        }
        for (long p : yearly) {
            DataScope s = pairings.get(DataScope.system(), p).orgId() == provinceOrg ? province : luquan;
            for (int y = today.getYear() - 1; y <= today.getYear(); y++) {
                LocalDate d = LocalDate.of(y, 4 + random.nextInt(6), 1 + random.nextInt(27));
                if (!d.isAfter(today)) {
                    visit(s, p, d, true);
                }
            }
        }
    }

    private DataScope luquanOrWuding(long pairingId, DataScope luquan, DataScope wuding) {
        return pairings.get(DataScope.system(), pairingId).regionCode().startsWith(DemoAccounts.WUDING) ? wuding : luquan;
    }

    /** Visits in most quarters since 2024 (the current one only for some), the "四个有" assessed on them. */
    private void visitQuarters(DataScope scope, long pairingId, Period now, boolean thisQuarter) {
        var p = pairings.get(DataScope.system(), pairingId);
        // the last six quarters: enough history for the figures and the compliance of past quarters
        Period q = now.previous().previous().previous().previous().previous();
        LocalDate today = households.today();
        int n = 0;
        while (!q.start().isAfter(today)) {
            boolean current = q.equals(now);
            boolean go = current ? thisQuarter && random.nextInt(10) < 6 : random.nextInt(10) < 8;
            LocalDate start = q.start().isBefore(p.startDate()) ? p.startDate() : q.start();
            LocalDate end = q.end().isAfter(today) ? today : q.end();
            if (go && !start.isAfter(end) && p.covers(start)) {
                LocalDate day = start.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(start, end) + 1));
                if (p.covers(day)) {
                    long v = visit(scope, pairingId, day, n++ % 3 == 0);
                    if (p.householdId() != null) {
                        goals(scope, p.householdId(), q, n);
                    }
                    if (random.nextInt(3) == 0) {
                        tickWithVisit(scope, p, v, q);
                    }
                }
            }
            q = q.next();
        }
    }

    private long visit(DataScope scope, long pairingId, LocalDate day, boolean solved) {
        VisitForm f = new VisitForm();
        f.setPairingId(pairingId);
        f.setVisitDate(day);
        f.setNotes(NOTES.get(random.nextInt(NOTES.size())));
        int found = random.nextInt(3);
        f.setProblemsFound(found);
        f.setProblemsSolved(solved ? Math.max(1, found) : Math.min(found, random.nextInt(2)));
        f.setFunds(random.nextInt(4) == 0 ? BigDecimal.valueOf(5 + random.nextInt(200), 1) : BigDecimal.ZERO);
        f.setProjects(random.nextInt(6) == 0 ? 1 : 0);
        f.setRecordedAt(day.atTime(10 + random.nextInt(6), random.nextInt(60)).atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
        return visits.record(scope, f, List.of(), VisitSource.MOBILE, null);
    }

    /** One duty of the quarter ticked with the visit as its evidence. */
    private void tickWithVisit(DataScope scope, cn.zhutui.pairing.Pairing p, long visitId, Period q) {
        DutyTemplate t = duties.templateFor(p.orgId(), p.kind());
        if (t == null || t.rhythm().periodType() != PeriodType.QUARTER) {
            return;
        }
        List<DutyItem> items = t.activeItems().stream().filter(i -> !i.countsVisits()).toList();
        if (items.isEmpty()) {
            return;
        }
        DutyItem item = items.get(random.nextInt(items.size()));
        cn.zhutui.pairing.DutyTick tick = new cn.zhutui.pairing.DutyTick(item.id(), q.id(), cn.zhutui.pairing.Evidence.VISIT, visitId, null, null, 1);
        duties.tick(scope, p.id(), tick);
    }

    /** The "四个有" of a quarter: mostly met, sometimes a fall (which the compliance page shows). */
    private void goals(DataScope scope, long householdId, Period q, int n) {
        GoalStatus income = n % 5 == 4 ? GoalStatus.PARTLY : GoalStatus.MET;
        GoalStatus environment = n % 4 == 0 ? GoalStatus.PARTLY : GoalStatus.MET;
        Map<Goal, GoalStatus> statuses = GoalAssessment.of(income, environment, GoalStatus.MET, n % 6 == 3 ? GoalStatus.PARTLY : GoalStatus.MET);
        households.recordGoals(scope, householdId, q.id(), statuses, null, null);
    }

    private long pair(DataScope scope, long org, PairingKind kind, long memberId, long householdId, LocalDate start) {
        PairingForm f = form(kind, org, start);
        f.setMemberId(memberId);
        f.setHouseholdId(householdId);
        return pairings.create(scope, f);
    }

    private static PairingForm form(PairingKind kind, long org, LocalDate start) {
        PairingForm f = new PairingForm();
        f.setKind(kind);
        f.setOrgId(org);
        f.setStartDate(start);
        return f;
    }

    private List<Long> membersOf(DataScope system, long orgId) {
        return members.search(system, new MemberQuery(orgId, false, null, null, null, true), PageRequest.of(1, 100)).items().stream()
                .map(i -> i.member().id()).toList();
    }

    /** A household with a head and two to four others, its income of the last two years. */
    private long household(DataScope scope, Region village, String county, List<String> tags, LocalDate today) {
        LocalDate headBorn = LocalDate.of(1950 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
        HouseholdForm f = new HouseholdForm();
        f.setRegionCode(village.code());
        f.setAddress(village.name().replace("居民委员会", "").replace("村民委员会", "") + (1 + random.nextInt(12)) + "组" + (1 + random.nextInt(60)) + "号");
        f.setHeadName(names.person());
        f.setHeadIdNumber(id(county, headBorn));
        f.setHeadLabour(random.nextInt(4) == 0 ? "WEAK" : "ORDINARY");
        f.setHeadHealth(random.nextInt(5) == 0 ? "CHRONIC" : "HEALTHY");
        f.setHeadSchooling(random.nextInt(2) == 0 ? "PRIMARY" : "JUNIOR");
        f.setRegisteredOn(LocalDate.of(2016 + random.nextInt(5), 1 + random.nextInt(12), 1));
        f.setPhone(String.format("1990001%04d", ++seq));
        f.setTags(tags);
        f.setIncomePerHead(BigDecimal.valueOf(8200 + random.nextInt(9000)));
        f.setIncomeYear(today.getYear() - 1);
        long id = households.create(scope, f);
        households.setIncome(scope, id, today.getYear() - 2, BigDecimal.valueOf(7600 + random.nextInt(6000)));
        String surname = f.getHeadName().substring(0, 1);
        PersonForm spouse = person(names.person(), headBorn.plusYears(random.nextInt(5) - 2), "SPOUSE", f.getRegisteredOn(), county);
        households.addMember(scope, id, spouse);
        int children = 1 + random.nextInt(3);
        for (int c = 0; c < children; c++) {
            LocalDate born = headBorn.plusYears(22 + random.nextInt(12));
            PersonForm child = person(surname + names.person().substring(1), born.isAfter(today) ? today.minusYears(3) : born, "CHILD",
                    f.getRegisteredOn().isBefore(born) ? born.plusDays(1) : f.getRegisteredOn(), county);
            child.setSchooling(java.time.Period.between(child.getBirthDate(), today).getYears() < 18 ? "IN_SCHOOL" : "SENIOR");
            households.addMember(scope, id, child);
        }
        return id;
    }

    private PersonForm person(String name, LocalDate born, String relation, LocalDate joined, String county) {
        PersonForm p = new PersonForm();
        p.setName(name);
        p.setIdNumber(id(county, born));
        p.setBirthDate(born);
        p.setRelation(relation);
        p.setJoinedOn(joined);
        p.setLabour(java.time.Period.between(born, households.today()).getYears() < 16 ? "NONE" : "ORDINARY");
        p.setHealth("HEALTHY");
        return p;
    }

    /** An invented ID number of the county with a real check digit (the 15th-17th digits a demo sequence). */
    private String id(String county, LocalDate born) {
        String first17 = county + String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth())
                + String.format("%03d", (++seq) % 1000);
        return first17 + IdNumbers.checkDigit(first17);
    }
}
