package cn.zhutui.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.household.Household;
import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.org.OrgKind;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules of pairings, visits and duties, on real PostgreSQL, with expected values computed by
 * hand: the 1+1 check, visits per quarter across quarter boundaries, ended pairings not counted,
 * duties ticked only with evidence, figures kept in step, scope.
 */
@IntegrationTest
class PairingServiceTest {

    @Autowired
    PairingFixtures fx;
    @Autowired
    PairingService pairings;
    @Autowired
    VisitService visits;
    @Autowired
    DutyService duties;
    @Autowired
    OversightService oversight;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures ledgerFx;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PairingFactsCheck factsCheck;

    @Test
    void onePlusOneListsTheMembersLackingAPoorOrAModelHousehold() {
        long group = fx.org(OrgKind.GROUP);
        long a = fx.member(group);
        long b = fx.member(group);
        long c = fx.member(group);
        long tuopin1 = fx.household(Household.TUOPIN);
        long shifan1 = fx.household(Household.SHIFAN);
        long tuopin2 = fx.household(Household.TUOPIN);
        long shifan2 = fx.household(Household.SHIFAN, Household.JIANCE);
        LocalDate start = LocalDate.of(2025, 1, 1);
        // a: both; b: only a 脱贫户; c: nothing yet
        fx.memberPairing(group, a, tuopin1, start, null);
        fx.memberPairing(group, a, shifan1, start, null);
        fx.memberPairing(group, b, tuopin2, start, null);
        DataScope staff = fx.staff();

        assertThat(pairings.onePlusOne(staff, group, PageRequest.of(1, 50)).items())
                .extracting(OnePlusOne::memberId, OnePlusOne::tuopin, OnePlusOne::shifan, OnePlusOne::households)
                .containsExactly(tuple(b, 1, 0, 1), tuple(c, 0, 0, 0));

        // b gets a 示范户: complete; a's 示范户 pairing ends (yesterday): a lacks one again
        fx.memberPairing(group, b, shifan2, start, null);
        long aShifan = pairings.search(staff, PairingQuery.all().withMember(a).withHousehold(shifan1), PageRequest.of(1, 5)).items().get(0).pairing().id();
        Pairing p = pairings.get(staff, aShifan);
        pairings.end(staff, aShifan, p.version(), pairings.today().minusDays(1), "农户已稳定增收");
        assertThat(pairings.onePlusOne(staff, group, PageRequest.of(1, 50)).items())
                .extracting(OnePlusOne::memberId, OnePlusOne::lacksTuopin, OnePlusOne::lacksShifan)
                .containsExactly(tuple(a, false, true), tuple(c, true, true));
        assertThat(pairings.onePlusOne(staff, group, PageRequest.of(1, 50)).items().get(0).memberName()).startsWith("委员");
    }

    @Test
    void visitsAreCountedInTheirQuarterAcrossQuarterBoundariesAndEndedPairingsAreNotCounted() {
        long unit = fx.org(OrgKind.COMMITTEE);
        long m1 = fx.member(unit);
        long m2 = fx.member(unit);
        long h1 = fx.household(Household.TUOPIN);
        long h2 = fx.household(Household.SHIFAN);
        DataScope staff = fx.staff();
        long p1 = fx.memberPairing(unit, m1, h1, LocalDate.of(2025, 1, 1), null);
        long p2 = fx.memberPairing(unit, m2, h2, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 5, 31));
        long p3 = fx.villagePairing(unit, LocalDate.of(2025, 7, 1));
        visits.record(staff, PairingFixtures.visit(p1, LocalDate.of(2025, 3, 31), 2, 1, "1.5", 0), List.of(), VisitSource.WEB, null);
        visits.record(staff, PairingFixtures.visit(p1, LocalDate.of(2025, 4, 1), 1, 1, "0", 1), List.of(), VisitSource.WEB, null);
        visits.record(staff, PairingFixtures.visit(p2, LocalDate.of(2025, 5, 20), 0, 0, "2.25", 0), List.of(), VisitSource.WEB, null);
        visits.record(staff, PairingFixtures.visit(p3, LocalDate.of(2025, 7, 15), 3, 2, "10", 0), List.of(), VisitSource.WEB, null);

        // 03-31 is the first quarter's, 04-01 the second's
        assertThat(visits.visitsByPeriod(staff, p1, PeriodType.QUARTER)).containsExactly(
                java.util.Map.entry("2025Q1", 1L), java.util.Map.entry("2025Q2", 1L));

        // Q1: p1 (visited 03-31) and p2 (started in February, first visited in May); Q2: p1 visited, p2 ended in May
        // (not counted at the quarter's end)
        Compliance q1 = oversight.compliance(staff, unit, Period.parse("2025Q1"));
        assertThat(q1.total()).extracting(ComplianceRow::pairings, ComplianceRow::expected, ComplianceRow::notVisited)
                .containsExactly(2L, 2L, 1L);
        assertThat(q1.behind()).filteredOn(PairingCompliance::notVisited).extracting(pc -> pc.row().pairing().id()).containsExactly(p2);
        Compliance q2 = oversight.compliance(staff, unit, Period.parse("2025Q2"));
        assertThat(q2.total()).extracting(ComplianceRow::pairings, ComplianceRow::expected, ComplianceRow::notVisited)
                .containsExactly(1L, 1L, 0L);
        // Q3: p1 not visited (expected quarterly), p3 (a village, yearly duties) not expected quarterly
        Compliance q3 = oversight.compliance(staff, unit, Period.parse("2025Q3"));
        assertThat(q3.total()).extracting(ComplianceRow::pairings, ComplianceRow::expected, ComplianceRow::notVisited)
                .containsExactly(2L, 1L, 1L);
        assertThat(q3.behind()).filteredOn(PairingCompliance::notVisited).extracting(pc -> pc.row().pairing().id()).containsExactly(p1);
        assertThat(q3.behind()).extracting(pc -> pc.row().pairing().id()).doesNotContain(p2);

        // the figures, from the facts kept in step, by hand:
        // Q1: 2 pairings, 2 households, 1 visit, 2 found, 1 solved, 1.5 万元, 0 projects
        assertFigures(unit, "2025Q1", 2, 2, 1, 2, 1, "1.5", 0);
        // Q2: p1 and p2 in effect; visits 04-01 and 05-20
        assertFigures(unit, "2025Q2", 2, 2, 2, 1, 1, "2.25", 1);
        // Q3: p2 ended in May: p1 and p3; one household; the village visit
        assertFigures(unit, "2025Q3", 2, 1, 1, 3, 2, "10", 0);
        // the year: three pairings, two households, four visits
        assertFigures(unit, "2025", 3, 2, 4, 6, 4, "13.75", 1);
        assertThat(factsCheck.differences()).isZero();
    }

    private void assertFigures(long unit, String period, long pairingsN, long householdsN, long visitsN, long found, long solved, String funds,
                               long projects) {
        PairingFigures f = oversight.figures(fx.staff(), unit, period, "unit", null, null);
        assertThat(f.total()).as(period).extracting(FigureRow::pairings, FigureRow::households, FigureRow::visits, FigureRow::problemsFound,
                FigureRow::problemsSolved, FigureRow::projects).containsExactly(pairingsN, householdsN, visitsN, found, solved, projects);
        assertThat(f.total().funds()).as(period).isEqualByComparingTo(funds);
    }

    @Test
    void aDutyIsTickedOnlyWithEvidence() {
        long group = fx.org(OrgKind.GROUP);
        long m = fx.member(group);
        long other = fx.memberPairing(group, fx.member(group), fx.household(Household.TUOPIN), LocalDate.of(2025, 1, 1), null);
        long p = fx.memberPairing(group, m, fx.household(Household.TUOPIN), LocalDate.of(2025, 1, 1), null);
        DataScope staff = fx.staff();
        DutyTemplate t = duties.templateFor(group, PairingKind.MEMBER_HOUSEHOLD);
        assertThat(t.rhythm()).isEqualTo(DutyRhythm.QUARTER);
        assertThat(t.activeItems()).extracting(DutyItem::title).containsExactly("入户开展1次调研、指导、帮扶", "培养1个明白人", "培育1个增收项目",
                "联系1个就业岗位", "解决1个具体困难", "打造1个优美环境");
        DutyItem visitItem = t.activeItems().get(0);
        DutyItem mingbai = t.activeItems().get(1);
        // this quarter (its ledger period is open) and the one before
        LocalDate today = pairings.today();
        Period q = Period.containing(today, PeriodType.QUARTER);
        String qid = q.id();
        String previous = q.previous().id();

        long v = visits.record(staff, PairingFixtures.visit(p, q.start(), 1, 1, "0", 0), List.of(), VisitSource.WEB, null);
        long otherVisit = visits.record(staff, PairingFixtures.visit(other, q.start(), 0, 0, "0", 0), List.of(), VisitSource.WEB, null);
        long earlier = visits.record(staff, PairingFixtures.visit(p, q.previous().end(), 0, 0, "0", 0), List.of(), VisitSource.WEB, null);

        // a bare tick, evidence without its reference, another pairing's visit, a visit of another quarter: all refused
        assertRefused(p, new DutyTick(mingbai.id(), qid, null, null, null, null, null), "evidence", "pairing.duty.evidenceRequired");
        assertRefused(p, new DutyTick(mingbai.id(), qid, Evidence.VISIT, null, null, null, null), "visitId", "pairing.duty.evidenceRequired");
        assertRefused(p, new DutyTick(mingbai.id(), qid, Evidence.VISIT, otherVisit, null, null, null), "visitId", "pairing.duty.visitUnknown");
        assertRefused(p, new DutyTick(mingbai.id(), qid, Evidence.VISIT, earlier, null, null, null), "visitId", "pairing.duty.visitOutside");
        assertRefused(p, new DutyTick(mingbai.id(), qid, Evidence.CONSULTATION, null, null, "开过会了", null), "evidence",
                "pairing.duty.evidenceNotAccepted");
        assertRefused(p, new DutyTick(visitItem.id(), qid, Evidence.VISIT, v, null, null, null), "itemId", "pairing.duty.byVisits");
        assertRefused(p, new DutyTick(mingbai.id(), String.valueOf(q.year()), Evidence.VISIT, v, null, null, null), "period", "pairing.duty.period");
        // a draft ledger entry is no evidence; a submitted one of the quarter is
        long draftId = ledger.create(staff, entry(today), EntrySource.WEB, false);
        assertRefused(p, new DutyTick(mingbai.id(), qid, Evidence.LEDGER, null, draftId, null, null), "ledgerEntryId",
                "pairing.duty.entryNotSubmitted");
        assertThat(duties.status(staff, p, qid)).extracting(DutyStatus::done).containsExactly(1, 0, 0, 0, 0, 0);

        duties.tick(staff, p, new DutyTick(mingbai.id(), qid, Evidence.VISIT, v, null, null, null));
        long submitted = ledger.create(staff, entry(today), EntrySource.WEB, true);
        duties.tick(staff, p, new DutyTick(t.activeItems().get(3).id(), qid, Evidence.LEDGER, null, submitted, null, null));
        List<DutyStatus> now = duties.status(staff, p, qid);
        assertThat(now).extracting(DutyStatus::complete).containsExactly(true, true, false, true, false, false);
        assertThat(now.get(1).records()).singleElement().extracting(DutyRecord::evidence, DutyRecord::visitId).containsExactly(Evidence.VISIT, v);
        // the quarter before has its own visit and nothing ticked
        assertThat(duties.status(staff, p, previous)).extracting(DutyStatus::done).containsExactly(1, 0, 0, 0, 0, 0);
        // the visit that is evidence cannot be deleted; the records are audited on the pairing
        assertThatThrownBy(() -> visits.delete(staff, v, visits.get(staff, v).version())).isInstanceOf(BusinessException.class)
                .hasMessage("pairing.visit.isEvidence");
        assertThat(pairings.history(staff, p)).extracting(a -> a.action()).contains("DUTY_TICK");
    }

    private EntryForm entry(LocalDate date) {
        EntryForm f = new EntryForm();
        f.setCampaignId(ledgerFx.structure().campaign().id());
        f.setTaskTypeId(ledgerFx.taskType("就业岗位").id());
        f.setTitle("联系就业岗位" + UUID.randomUUID().toString().substring(0, 4));
        f.setStartDate(date);
        f.setRegionCode(PairingFixtures.VILLAGE);
        f.setOrgId(fx.luquan());
        f.setMemberIds(ledgerFx.membersOf(cn.zhutui.demo.DemoAccounts.LUQUAN).subList(0, 1));
        f.setValues(java.util.Map.of(ledgerFx.indicator("就业岗位", "就业岗位").id(), BigDecimal.ONE));
        return f;
    }

    private void assertRefused(long pairing, DutyTick tick, String field, String code) {
        assertThatThrownBy(() -> duties.tick(fx.staff(), pairing, tick)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(BusinessException::field, BusinessException::code)
                        .contains(tuple(field, code)));
    }

    @Test
    void anotherCountySeesNoneOfTheseAndCannotChangeThem() {
        long group = fx.org(OrgKind.GROUP);
        long p = fx.memberPairing(group, fx.member(group), fx.household(Household.TUOPIN), LocalDate.of(2025, 1, 1), null);
        long v = visits.record(fx.staff(), PairingFixtures.visit(p, LocalDate.of(2025, 3, 3), 1, 0, "0", 0), List.of(), VisitSource.WEB, null);
        DataScope wuding = scopes.of("wuding.staff");
        assertThatThrownBy(() -> pairings.get(wuding, p)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pairings.end(wuding, p, 0, LocalDate.of(2025, 6, 1), "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> visits.get(wuding, v)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> visits.record(wuding, PairingFixtures.visit(p, LocalDate.of(2025, 3, 4), 0, 0, "0", 0), List.of(),
                VisitSource.WEB, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> duties.status(wuding, p, "2025Q1")).isInstanceOf(NotFoundException.class);
        assertThat(pairings.search(wuding, PairingQuery.all(), PageRequest.of(1, 200)).items()).noneMatch(r -> r.pairing().id() == p);
        assertThat(visits.search(wuding, VisitQuery.all(), PageRequest.of(1, 200)).items()).noneMatch(x -> x.visit().id() == v);
        assertThatThrownBy(() -> oversight.compliance(wuding, group, Period.parse("2025Q1"))).isInstanceOf(NotFoundException.class);
        // the county itself sees it
        assertThat(pairings.search(fx.staff(), PairingQuery.all().withMember(pairings.get(fx.staff(), p).memberId()), PageRequest.of(1, 5))
                .items()).extracting(r -> r.pairing().id()).containsExactly(p);
    }

    @Test
    void aVisitSentTwiceWithItsKeyIsRecordedOnceAndAVisitAlsoLedgerWorkMakesItsEntryInTheSameStep() {
        long group = fx.org(OrgKind.GROUP);
        long p = fx.memberPairing(group, fx.member(group), fx.household(Household.TUOPIN), LocalDate.of(2025, 1, 1), null);
        String key = UUID.randomUUID().toString();
        VisitForm f = PairingFixtures.visit(p, LocalDate.of(2025, 10, 9), 2, 2, "3", 1);
        long first = visits.record(fx.staff(), f, List.of(), VisitSource.OFFLINE, key);
        long again = visits.record(fx.staff(), f, List.of(), VisitSource.OFFLINE, key);
        assertThat(again).isEqualTo(first);
        assertThat(visits.visitsByPeriod(fx.staff(), p, PeriodType.QUARTER)).containsEntry("2025Q4", 1L);

        // in today's (open) period: a past quarter is locked for the ledger once submitted
        LocalDate today = pairings.today();
        VisitForm work = PairingFixtures.visit(p, today, 1, 1, "0", 0);
        work.setRecordLedger(true);
        work.setLedgerCampaignId(ledgerFx.structure().campaign().id());
        work.setLedgerTaskTypeId(ledgerFx.taskType("产业技术服务").id());
        long tech = ledgerFx.indicator("产业技术服务", "提供技术服务").id();
        // the ledger's own rules apply: a value the indicator refuses rolls back the visit too
        work.setLedgerValues(new java.util.LinkedHashMap<>(java.util.Map.of(tech, new BigDecimal("-1"))));
        long before = visits.count(fx.staff(), VisitQuery.all().withPairing(p));
        assertThatThrownBy(() -> visits.record(fx.staff(), work, List.of(), VisitSource.MOBILE, UUID.randomUUID().toString()))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).field()).startsWith("ledgerValues"));
        assertThat(visits.count(fx.staff(), VisitQuery.all().withPairing(p))).isEqualTo(before);
        work.setLedgerValues(new java.util.LinkedHashMap<>(java.util.Map.of(tech, new BigDecimal("2"))));
        long id = visits.record(fx.staff(), work, List.of(), VisitSource.MOBILE, UUID.randomUUID().toString());
        Visit v = visits.get(fx.staff(), id);
        assertThat(v.ledgerEntryId()).isNotNull();
        var entry = ledger.get(fx.staff(), v.ledgerEntryId());
        assertThat(entry.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(entry.startDate()).isEqualTo(today);
        assertThat(entry.regionCode()).isEqualTo(PairingFixtures.VILLAGE);
        assertThat(ledger.values(entry.id()).get(tech)).isEqualByComparingTo("2");
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void aPairingEndsAndIsReplacedFromADayAndItsHistoryShowsBoth() {
        long group = fx.org(OrgKind.GROUP);
        long first = fx.member(group);
        long second = fx.member(group);
        long h = fx.household(Household.TUOPIN);
        long p = fx.memberPairing(group, first, h, LocalDate.of(2024, 1, 1), null);
        visits.record(fx.staff(), PairingFixtures.visit(p, LocalDate.of(2025, 2, 1), 0, 0, "0", 0), List.of(), VisitSource.WEB, null);
        PairingForm successor = new PairingForm();
        successor.setMemberId(second);
        // not before the last visit
        assertThatThrownBy(() -> pairings.replace(fx.staff(), p, pairings.get(fx.staff(), p).version(), LocalDate.of(2025, 1, 15), successor, "工作调动"))
                .isInstanceOf(InvalidInputException.class);
        long next = pairings.replace(fx.staff(), p, pairings.get(fx.staff(), p).version(), LocalDate.of(2025, 3, 1), successor, "工作调动");
        Pairing old = pairings.get(fx.staff(), p);
        Pairing now = pairings.get(fx.staff(), next);
        assertThat(old.endDate()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(old.endReason()).isEqualTo("工作调动");
        assertThat(now.replacesId()).isEqualTo(p);
        assertThat(now.householdId()).isEqualTo(h);
        assertThat(now.memberId()).isEqualTo(second);
        assertThat(now.startDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(pairings.row(fx.staff(), p).replacedById()).isEqualTo(next);
        assertThat(old.status(pairings.today())).isEqualTo(PairingStatus.ENDED);
        assertThat(pairings.history(fx.staff(), p)).extracting(a -> a.action()).contains("CREATE", "END", "REPLACED");
        // the household stays covered without a gap: counted once in 2025
        assertThat(oversight.figures(fx.staff(), fx.luquan(), "2025", "unit", null, null).total().households()).isPositive();
        assertThat(factsCheck.differences()).isZero();
        // a pairing with a visit cannot be deleted
        assertThatThrownBy(() -> pairings.delete(fx.staff(), p, old.version())).isInstanceOf(BusinessException.class);
    }
}
