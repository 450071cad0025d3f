package cn.zhutui.demo;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.household.HouseholdQuery;
import cn.zhutui.household.HouseholdStatus;
import cn.zhutui.household.HouseholdView;
import cn.zhutui.monitor.Channel;
import cn.zhutui.monitor.ClueForm;
import cn.zhutui.monitor.FollowUpForm;
import cn.zhutui.monitor.HomeVisitForm;
import cn.zhutui.monitor.MeasureForm;
import cn.zhutui.monitor.MeasureStatus;
import cn.zhutui.monitor.MeasureType;
import cn.zhutui.monitor.MonitorKind;
import cn.zhutui.monitor.MonitorService;
import cn.zhutui.monitor.ReviewForm;
import cn.zhutui.monitor.RiskReason;
import cn.zhutui.security.CurrentScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's return-to-poverty monitoring in Luquan (屏山街道, the demo cadre's township) and
 * Wuding: fictional cases at every step — a clue past its 15-day clock (in the overdue list), one
 * awaiting its home visit, one the village's review, one whose notice has run (the township's
 * turn), one awaiting the county's decision, a rejected one, households monitored with their plan
 * and follow-ups (one stable above the line for over six months, proposed for elimination; one
 * without labour under 低保, which stays followed), and a department's alert.
 */
@Component
@Order(50)
class MonitorDemo implements DemoStep {

    private final MonitorService cases;
    private final cn.zhutui.household.HouseholdService households;
    private final CurrentScope scopes;

    MonitorDemo(MonitorService cases, cn.zhutui.household.HouseholdService households, CurrentScope scopes) {
        this.cases = cases;
        this.households = households;
        this.scopes = scopes;
    }

    @Override
    public void load(DataScope system, DemoContext context) {
        DataScope cadre = scopes.ofUsername("cadre.demo").asLoader();
        DataScope luquan = scopes.ofUsername("luquan.staff").asLoader();
        DataScope wuding = scopes.ofUsername("wuding.staff").asLoader();
        LocalDate t = cases.today();
        List<HouseholdView> pingshan = households.search(luquan, new HouseholdQuery(DemoAccounts.LUQUAN_TOWNSHIP, null, null, null,
                HouseholdStatus.ACTIVE, false, "name"), PageRequest.of(1, 20)).items();
        List<HouseholdView> wd = households.search(wuding, new HouseholdQuery(DemoAccounts.WUDING, null, null, null, HouseholdStatus.ACTIVE, false,
                "name"), PageRequest.of(1, 5)).items();
        if (pingshan.size() < 8 || wd.size() < 2) {
            org.slf4j.LoggerFactory.getLogger(MonitorDemo.class).warn("Monitoring demo skipped: too few households ({} in 屏山街道, {} in Wuding)",
                    pingshan.size(), wd.size());
            return;
        }
        // monitored, stable above the line for more than six months: proposed for elimination
        long stable = included(cadre, luquan, id(pingshan, 0), t.minusDays(240), RiskReason.ILLNESS, MonitorKind.SUDDEN, true,
                "户主突发脑梗住院，自付医疗费约4.6万元");
        measure(cadre, stable, MeasureType.MEDICAL, "落实医疗救助和大病保险二次报销", "禄劝县医疗保障局", t.minusDays(225), MeasureStatus.DONE);
        measure(cadre, stable, MeasureType.EMPLOYMENT, "为妻子安排村保洁公益性岗位，月收入1800元", "屏山街道人社中心", t.minusDays(220),
                MeasureStatus.ONGOING);
        followUp(cadre, stable, t.minusDays(210), "9200", true);
        followUp(cadre, stable, t.minusDays(120), "9600", true);
        followUp(cadre, stable, t.minusDays(20), "9850", true);
        cases.proposeElimination(cadre, stable, cases.get(cadre, stable).version());
        // monitored without labour, under 低保: followed, not eliminated
        long noLabour = included(cadre, luquan, id(pingshan, 1), t.minusDays(150), RiskReason.LABOUR, MonitorKind.UNSTABLE, false,
                "老两口年过七旬，无劳动能力，儿子外出失联");
        measure(cadre, noLabour, MeasureType.DIBAO, "纳入农村低保，按月发放", "禄劝县民政局", t.minusDays(140), MeasureStatus.DONE);
        followUp(cadre, noLabour, t.minusDays(60), "9100", true);
        // monitored recently, an industry loss
        long industry = included(cadre, luquan, id(pingshan, 2), t.minusDays(45), RiskReason.INDUSTRY, MonitorKind.MARGINAL, true,
                "种植的花椒遭遇冻害，当年几乎绝收");
        measure(cadre, industry, MeasureType.INDUSTRY, "补种花椒苗并购买农业保险", "屏山街道农业综合服务中心", t.minusDays(30), MeasureStatus.PLANNED);
        // past its 15-day clock, still awaiting the home visit
        clue(cadre, id(pingshan, 3), t.minusDays(17), Channel.SELF_REPORT, RiskReason.ACCIDENT, "户主务工时摔伤，住院自付1.2万元");
        // awaiting the home visit
        clue(cadre, id(pingshan, 4), t.minusDays(2), Channel.CADRE_CHECK, RiskReason.HOUSING, "房屋墙体开裂，雨季有倒塌风险");
        // awaiting the village's review
        long village = clue(cadre, id(pingshan, 5), t.minusDays(6), Channel.SELF_REPORT, RiskReason.SCHOOLING, "两个孩子上高中和大学，支出大");
        cases.visit(cadre, village, visit(cases.get(cadre, village).version(), t.minusDays(5), RiskReason.SCHOOLING, MonitorKind.MARGINAL, true));
        // the notice has run: the township's turn
        long township = clue(cadre, id(pingshan, 6), t.minusDays(11), Channel.CADRE_CHECK, RiskReason.DISASTER, "暴雨冲毁承包地和圈舍");
        cases.visit(cadre, township, visit(cases.get(cadre, township).version(), t.minusDays(10), RiskReason.DISASTER, MonitorKind.SUDDEN, true));
        cases.villageReview(cadre, township, village(cases.get(cadre, township).version(), t.minusDays(9)));
        // awaiting the county's decision, due in two days; raised by a department's alert
        long county = cases.raiseAll(luquan, List.of(new MonitorService.Raised(id(pingshan, 7), Channel.DEPARTMENT,
                List.of(RiskReason.ILLNESS), "医保部门预警：年度住院自付费用超过3万元", new BigDecimal("31800"), t.minusDays(13), "MEDICAL_INSURANCE",
                null, 12, "医保预警名单（第三季度）.xlsx", null, null, null, null))).opened() == 1
                ? cases.casesOfHousehold(luquan, id(pingshan, 7)).get(0).id() : 0;
        if (county != 0) {
            cases.visit(cadre, county, visit(cases.get(cadre, county).version(), t.minusDays(12), RiskReason.ILLNESS, MonitorKind.UNSTABLE, true));
            cases.villageReview(cadre, county, village(cases.get(cadre, county).version(), t.minusDays(11)));
            cases.townshipReview(cadre, county, review(cases.get(cadre, county).version(), t.minusDays(6)));
        }
        // rejected after the home visit
        if (pingshan.size() > 8) {
            long rejected = clue(cadre, id(pingshan, 8), t.minusDays(40), Channel.SELF_REPORT, RiskReason.OTHER, "反映家庭收入下降");
            cases.dismiss(cadre, rejected, cases.get(cadre, rejected).version(), "入户核实：家庭有稳定务工收入，人均纯收入1.3万元，不符合监测条件");
        }
        // Wuding: one monitored, one clue
        long wdCase = included(wuding, wuding, wd.get(0).household().id(), t.minusDays(90), RiskReason.EMPLOYMENT, MonitorKind.UNSTABLE, true,
                "外出务工返乡后未再就业");
        measure(wuding, wdCase, MeasureType.EMPLOYMENT, "推荐到县工业园区务工", "武定县人社局", t.minusDays(80), MeasureStatus.DONE);
        clue(wuding, wd.get(1).household().id(), t.minusDays(3), Channel.SELF_REPORT, RiskReason.WATER, "自来水管冬季冻裂，吃水困难");
    }

    private static long id(List<HouseholdView> list, int i) {
        return list.get(i).household().id();
    }

    private long clue(DataScope scope, long household, LocalDate on, Channel channel, RiskReason reason, String what) {
        ClueForm f = new ClueForm();
        f.setHouseholdId(household);
        f.setChannel(channel);
        f.setReasons(List.of(reason));
        f.setDescription(what);
        f.setReportedOn(on);
        f.setReporter(channel == Channel.CADRE_CHECK ? "屏山街道包村干部" : null);
        return cases.report(scope, f);
    }

    /** A case from its clue on {@code on} through every step of identification within nine days. */
    private long included(DataScope cadre, DataScope county, long household, LocalDate on, RiskReason reason, MonitorKind kind, boolean labour,
                          String what) {
        long id = clue(cadre, household, on, Channel.SELF_REPORT, reason, what);
        cases.visit(cadre, id, visit(cases.get(cadre, id).version(), on.plusDays(1), reason, kind, labour));
        cases.villageReview(cadre, id, village(cases.get(cadre, id).version(), on.plusDays(2)));
        cases.townshipReview(cadre, id, review(cases.get(cadre, id).version(), on.plusDays(7)));
        ReviewForm decision = review(cases.get(county, id).version(), on.plusDays(9));
        decision.setKind(kind);
        cases.countyDecision(county, id, decision);
        return id;
    }

    private static HomeVisitForm visit(int version, LocalDate on, RiskReason reason, MonitorKind kind, boolean labour) {
        HomeVisitForm f = new HomeVisitForm();
        f.setVersion(version);
        f.setVisitedOn(on);
        f.setVisitors("张文华、李春梅");
        f.setFindings("入户核实情况属实，家庭收支已登记，农户签署了承诺授权书");
        f.setIncomePerHead(new BigDecimal("6300"));
        f.setExpense(reason == RiskReason.ILLNESS || reason == RiskReason.ACCIDENT ? new BigDecimal("46000") : null);
        f.setReasons(List.of(reason));
        f.setKind(kind);
        f.setConsentOn(on);
        f.setHasLabour(labour);
        return f;
    }

    private static ReviewForm village(int version, LocalDate on) {
        ReviewForm f = review(version, on);
        f.setParticipants(21);
        f.setNoticeStart(on);
        f.setNoticeEnd(on.plusDays(4));
        f.setNoticePlace("村委会公示栏");
        return f;
    }

    private static ReviewForm review(int version, LocalDate on) {
        ReviewForm f = new ReviewForm();
        f.setVersion(version);
        f.setDecidedOn(on);
        f.setAgreed(true);
        return f;
    }

    private void measure(DataScope scope, long caseId, MeasureType type, String what, String unit, LocalDate on, MeasureStatus status) {
        MeasureForm f = new MeasureForm();
        f.setType(type);
        f.setDescription(what);
        f.setResponsibleUnit(unit);
        f.setPlannedOn(on);
        f.setStatus(status);
        f.setDoneOn(status == MeasureStatus.DONE ? on.plusDays(10) : null);
        cases.addMeasure(scope, caseId, f);
    }

    private void followUp(DataScope scope, long caseId, LocalDate on, String income, boolean secure) {
        FollowUpForm f = new FollowUpForm();
        f.setVisitedOn(on);
        f.setVisitors("张文华");
        f.setNotes("回访了解收入和三保障情况");
        f.setIncomePerHead(new BigDecimal(income));
        f.setRigidCostsSolved(secure);
        f.setSchoolOk(true);
        f.setMedicalOk(secure);
        f.setHousingOk(true);
        f.setWaterOk(true);
        cases.addFollowUp(scope, caseId, f);
    }
}
