package cn.zhutui.monitor;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.IdempotencyKeys;
import cn.zhutui.household.HouseholdForm;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.TestIds;
import cn.zhutui.monitor.internal.CaseRepository;
import cn.zhutui.monitor.internal.MonitorFacts;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Households of Luquan (and Wuding) for the monitoring tests, and the monitoring service as it
 * would run on another day: the same beans and database, a fixed clock (the test's controlled clock).
 */
@Component
public class MonitorFixtures {

    /** 北街社区居民委员会, a village of 屏山街道 (the demo cadre's township), Luquan. */
    public static final String VILLAGE = "530128001001";
    /** A village of Wuding. */
    public static final String WUDING_VILLAGE = "532329101001";

    private final Scopes scopes;
    private final HouseholdService households;
    private final CaseRepository repository;
    private final MonitorFacts facts;
    private final IncomeLines lines;
    private final OrgService orgs;
    private final RegionService regions;
    private final AuditService audit;
    private final IdempotencyKeys idempotency;
    private final cn.zhutui.file.FileService files;
    private final org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.VisitService> visits;
    private final org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.PairingService> pairings;
    private final Clock clock;

    MonitorFixtures(Scopes scopes, HouseholdService households, CaseRepository repository, MonitorFacts facts, IncomeLines lines, OrgService orgs,
                    RegionService regions, AuditService audit, IdempotencyKeys idempotency, cn.zhutui.file.FileService files,
                    org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.VisitService> visits,
                    org.springframework.beans.factory.ObjectProvider<cn.zhutui.pairing.PairingService> pairings, Clock clock) {
        this.files = files;
        this.visits = visits;
        this.pairings = pairings;
        this.scopes = scopes;
        this.households = households;
        this.repository = repository;
        this.facts = facts;
        this.lines = lines;
        this.orgs = orgs;
        this.regions = regions;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The monitoring service on another day (the clock stopped at its noon, Beijing time). */
    public MonitorService on(LocalDate day) {
        ZoneId zone = clock.getZone();
        Clock fixed = Clock.fixed(day.atTime(12, 0).atZone(zone).toInstant(), zone);
        return new MonitorService(repository, facts, households, lines, orgs, regions, audit, idempotency, files, visits, pairings, fixed, 3);
    }

    public DataScope staff() {
        return scopes.of("luquan.staff");
    }

    public DataScope cadre() {
        return scopes.of("cadre.demo");
    }

    /** A household of 北街社区 with a head of working age. */
    public long household() {
        return household(VILLAGE, "luquan.staff", "ORDINARY");
    }

    public long household(String village, String username, String labour) {
        return household(village, username, labour, TestIds.of(village.substring(0, 6), LocalDate.of(1975, 5, 5)));
    }

    /** A household whose head has this ID number. */
    public long household(String village, String username, String labour, String idNumber) {
        HouseholdForm f = new HouseholdForm();
        f.setRegionCode(village);
        f.setHeadName("监" + UUID.randomUUID().toString().substring(0, 4));
        f.setHeadIdNumber(idNumber);
        f.setHeadBirthDate(cn.zhutui.household.IdNumbers.birthDate(idNumber).orElse(null));
        f.setHeadLabour(labour);
        f.setRegisteredOn(LocalDate.of(2020, 1, 1));
        f.setTags(List.of("TUOPIN"));
        return households.create(scopes.of(username), f);
    }

    public static ClueForm clue(long householdId, LocalDate on, RiskReason... reasons) {
        ClueForm f = new ClueForm();
        f.setHouseholdId(householdId);
        f.setChannel(Channel.SELF_REPORT);
        f.setReasons(List.of(reasons));
        f.setDescription("家中主要劳动力突发重病住院，自付医疗费用较高");
        f.setAmount(new BigDecimal("48000"));
        f.setReportedOn(on);
        return f;
    }

    public static HomeVisitForm visit(int version, LocalDate on, boolean labour) {
        HomeVisitForm f = new HomeVisitForm();
        f.setVersion(version);
        f.setVisitedOn(on);
        f.setVisitors("张文华、李春梅");
        f.setFindings("户主住院治疗，家庭收入下降，医疗自付支出约4.8万元");
        f.setIncomePerHead(new BigDecimal("6200"));
        f.setExpense(new BigDecimal("48000"));
        f.setReasons(List.of(RiskReason.ILLNESS));
        f.setKind(MonitorKind.SUDDEN);
        f.setConsentOn(on);
        f.setHasLabour(labour);
        return f;
    }

    public static ReviewForm review(int version, LocalDate on, boolean agreed) {
        ReviewForm f = new ReviewForm();
        f.setVersion(version);
        f.setDecidedOn(on);
        f.setAgreed(agreed);
        f.setNote(agreed ? null : "经核实家庭收入未低于监测范围");
        return f;
    }

    public static ReviewForm villageReview(int version, LocalDate on, LocalDate noticeStart, LocalDate noticeEnd) {
        ReviewForm f = review(version, on, true);
        f.setParticipants(23);
        f.setNoticeStart(noticeStart);
        f.setNoticeEnd(noticeEnd);
        f.setNoticePlace("北街社区公示栏");
        return f;
    }

    public static FollowUpForm followUp(LocalDate on, String income, boolean allSecure) {
        FollowUpForm f = new FollowUpForm();
        f.setVisitedOn(on);
        f.setVisitors("张文华");
        f.setIncomePerHead(new BigDecimal(income));
        f.setRigidCostsSolved(allSecure);
        f.setSchoolOk(true);
        f.setMedicalOk(allSecure);
        f.setHousingOk(true);
        f.setWaterOk(true);
        return f;
    }

    public static MeasureForm measure(MeasureType type, LocalDate on) {
        MeasureForm f = new MeasureForm();
        f.setType(type);
        f.setDescription(type == MeasureType.MEDICAL ? "落实医疗救助和大病保险二次报销" : "安排公益性岗位，月收入1800元");
        f.setResponsibleUnit(type == MeasureType.MEDICAL ? "禄劝县医疗保障局" : "屏山街道人社中心");
        f.setResponsiblePerson("王建国");
        f.setPlannedOn(on);
        f.setStatus(MeasureStatus.PLANNED);
        return f;
    }

    /**
     * Takes a new household of 北街社区 from a clue on {@code day} through every step of
     * identification (visit the next day, village review the day after with a 5-day notice,
     * township the day after the notice, county the day after) — done on those days by the
     * service of each day. Returns the case's id.
     */
    public long includedCase(LocalDate day, boolean labour) {
        long household = household();
        MonitorService s = on(day);
        long id = s.report(cadre(), clue(household, day, RiskReason.ILLNESS));
        on(day.plusDays(1)).visit(cadre(), id, visit(version(id), day.plusDays(1), labour));
        on(day.plusDays(2)).villageReview(cadre(), id, villageReview(version(id), day.plusDays(2), day.plusDays(2), day.plusDays(6)));
        on(day.plusDays(7)).townshipReview(cadre(), id, review(version(id), day.plusDays(7), true));
        on(day.plusDays(8)).countyDecision(staff(), id, review(version(id), day.plusDays(8), true));
        return id;
    }

    public String headName(long householdId) {
        return households.summaries(List.of(householdId)).get(householdId).headName();
    }

    public int version(long caseId) {
        return repository.find(caseId).orElseThrow().version();
    }

    public MonitorCase get(long caseId) {
        return repository.find(caseId).orElseThrow();
    }
}
