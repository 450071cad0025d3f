package cn.zhutui.monitor;

import static cn.zhutui.monitor.MonitorFixtures.clue;
import static cn.zhutui.monitor.MonitorFixtures.followUp;
import static cn.zhutui.monitor.MonitorFixtures.measure;
import static cn.zhutui.monitor.MonitorFixtures.review;
import static cn.zhutui.monitor.MonitorFixtures.villageReview;
import static cn.zhutui.monitor.MonitorFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.WorkItem;
import cn.zhutui.monitor.internal.MonitorFacts;
import cn.zhutui.notify.NotificationService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monitoring rules on real PostgreSQL, with the test's controlled clock (the service as it
 * runs on a given day): the 15-day clock, the 5-day notice, overdue flags, the order of the steps
 * and who may take them, elimination and its conditions, no-labour households, one open case per
 * household, the line per year, scope — and the figures kept in step throughout.
 */
@IntegrationTest
class MonitorServiceTest {

    @Autowired
    MonitorFixtures fx;
    @Autowired
    MonitorFactsCheck factsCheck;
    @Autowired
    MonitorFacts facts;
    @Autowired
    IncomeLines lines;
    @Autowired
    Scopes scopes;
    @Autowired
    ClockNotices clockNotices;
    @Autowired
    NotificationService notifications;
    @Autowired
    MonitorWorkItems workItems;
    @Autowired
    MonitorFigures figures;
    @Autowired
    cn.zhutui.pairing.PairingFixtures pairingFx;
    @Autowired
    cn.zhutui.pairing.VisitService visitService;

    @Test
    void aFollowUpMayBeOneOfTheHouseholdsPairingVisitsButNotAnotherHouseholds() {
        LocalDate today = fx.today();
        long id = fx.includedCase(today.minusDays(30), true);
        long household = fx.get(id).householdId();
        long org = pairingFx.luquan();
        long member = pairingFx.member(org);
        long pairing = pairingFx.memberPairing(org, member, household, today.minusDays(20), null);
        long visit = visitService.record(fx.staff(), cn.zhutui.pairing.PairingFixtures.visit(pairing, today.minusDays(5), 1, 1, "0", 0), List.of(),
                cn.zhutui.pairing.VisitSource.WEB, null);
        assertThat(fx.on(today).pairingVisitsOf(fx.cadre(), id)).extracting(MonitorService.PairingVisit::id).containsExactly(visit);
        FollowUpForm other = followUp(today.minusDays(5), "8800", true);
        other.setPairingVisitId(visit + 1_000_000);
        assertThatThrownBy(() -> fx.on(today).addFollowUp(fx.cadre(), id, other)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(codes(e)).containsExactly("monitor.followUp.pairingVisit.notOfHousehold"));
        FollowUpForm f = followUp(today.minusDays(5), "8800", true);
        f.setPairingVisitId(visit);
        fx.on(today).addFollowUp(fx.cadre(), id, f);
        assertThat(fx.on(today).view(fx.cadre(), id).followUps()).extracting(FollowUp::pairingVisitId).containsExactly(visit);
    }

    private static final cn.zhutui.common.ReportPeriod YEAR_2026 = cn.zhutui.common.ReportPeriod.of(2026, "Y");

    @Test
    void theFlowIsCountedInTheMonthsOfItsPeriodAndTheStockAsOfToday() {
        cn.zhutui.common.ReportPeriod march = cn.zhutui.common.ReportPeriod.of(2026, "M3");
        cn.zhutui.common.ReportPeriod april = cn.zhutui.common.ReportPeriod.of(2026, "M4");
        cn.zhutui.common.ReportPeriod firstQuarter = cn.zhutui.common.ReportPeriod.of(2026, "Q1");
        MonitorFigures.Line marchBefore = township(figures.figures(fx.staff(), "530128", march));
        MonitorFigures.Line aprilBefore = township(figures.figures(fx.staff(), "530128", april));
        MonitorFigures.Line quarterBefore = township(figures.figures(fx.staff(), "530128", firstQuarter));
        fx.on(LocalDate.of(2026, 3, 9)).report(fx.cadre(), clue(fx.household(), LocalDate.of(2026, 3, 9), RiskReason.HOUSING));
        MonitorFigures.Line marchAfter = township(figures.figures(fx.staff(), "530128", march));
        MonitorFigures.Line aprilAfter = township(figures.figures(fx.staff(), "530128", april));
        MonitorFigures.Line quarterAfter = township(figures.figures(fx.staff(), "530128", firstQuarter));
        assertThat(marchAfter.cluesInPeriod() - marchBefore.cluesInPeriod()).as("March's clue in March").isEqualTo(1);
        assertThat(quarterAfter.cluesInPeriod() - quarterBefore.cluesInPeriod()).as("and in the first quarter").isEqualTo(1);
        assertThat(aprilAfter.cluesInPeriod()).as("not in April").isEqualTo(aprilBefore.cluesInPeriod());
        assertThat(aprilAfter.identifying() - aprilBefore.identifying()).as("the stock is today's, whatever the period").isEqualTo(1);
        assertThatThrownBy(() -> figures.figures(fx.staff(), "530128", cn.zhutui.common.ReportPeriod.parse("2026-03-05_2026-03-20")))
                .isInstanceOf(cn.zhutui.common.BusinessException.class);
    }

    private MonitorFigures.Line township(MonitorFigures.Figures f) {
        return f.lines().stream().filter(l -> "530128001".equals(l.key())).findFirst()
                .orElse(new MonitorFigures.Line("530128001", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void theFiguresFollowEveryStepLiveInTheCircularsFormat() {
        MonitorFigures.Line before = township(figures.figures(fx.staff(), "530128", YEAR_2026));
        long id = fx.includedCase(LocalDate.of(2026, 5, 4), true);
        long pending = fx.on(LocalDate.of(2026, 5, 4)).report(fx.cadre(), clue(fx.household(), LocalDate.of(2026, 5, 4), RiskReason.WATER));
        MonitorFigures.Line after = township(figures.figures(fx.staff(), "530128", YEAR_2026));
        assertThat(after.included() - before.included()).isEqualTo(1);
        assertThat(after.includedPersons() - before.includedPersons()).isEqualTo(1);
        assertThat(after.notEliminated() - before.notEliminated()).isEqualTo(1);
        assertThat(after.eliminated() - before.eliminated()).isZero();
        assertThat(after.identifying() - before.identifying()).isEqualTo(1);
        assertThat(after.cluesInPeriod() - before.cluesInPeriod()).isEqualTo(2);
        assertThat(after.includedInPeriod() - before.includedInPeriod()).isEqualTo(1);
        assertThat(fx.get(id).stage()).isEqualTo(Stage.MONITORED);
        assertThat(fx.get(pending).stage()).isEqualTo(Stage.CLUE);
        // the province sees Luquan's county among Kunming's; Wuding's office does not see Luquan
        MonitorFigures.Figures kunming = figures.figures(scopes.of("province.staff"), "5301", YEAR_2026);
        assertThat(kunming.lines()).extracting(MonitorFigures.Line::key).contains("530128");
        assertThatThrownBy(() -> figures.figures(scopes.of("wuding.staff"), "530128", YEAR_2026)).isInstanceOf(NotFoundException.class);
        MonitorFigures.Figures luquanNow = figures.figures(fx.staff(), "530128", YEAR_2026);
        assertThat(luquanNow.byStage()).extracting(MonitorFigures.StageCount::stage).contains(Stage.MONITORED, Stage.CLUE);
        assertThat(luquanNow.byStage().stream().mapToLong(MonitorFigures.StageCount::households).sum())
                .isEqualTo(luquanNow.lines().stream().mapToLong(l -> l.included() - l.eliminated()).sum() + luquanNow.total().eliminated()
                        + luquanNow.total().identifying() + fx.on(LocalDate.of(2026, 5, 4)).count(fx.staff(), CaseQuery.group("rejected")));
        // the rate: eliminated of included, one decimal
        assertThat(new MonitorFigures.Line("x", "", 3, 9, 1, 3, 2, 6, 0, 0, 0, 0, 0, 0, 0).rate()).isEqualByComparingTo("33.3");
        assertThat(factsCheck.differences()).isZero();
    }

    private static List<String> codes(BusinessException e) {
        return e instanceof InvalidInputException many ? many.violations().stream().map(BusinessException::code).toList() : List.of(e.code());
    }

    private static List<String> fields(BusinessException e) {
        return e instanceof InvalidInputException many ? many.violations().stream().map(BusinessException::field).toList() : List.of();
    }

    @Test
    void theClockRunsFifteenCalendarDaysAcrossWeekendsAndMonthEnds() {
        // a Friday clue: two weekends do not stop it; a month end and a leap February neither
        assertThat(CaseClock.deadline(LocalDate.of(2025, 1, 24))).isEqualTo(LocalDate.of(2025, 2, 8));
        assertThat(CaseClock.deadline(LocalDate.of(2024, 2, 20))).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(CaseClock.deadline(LocalDate.of(2025, 2, 20))).isEqualTo(LocalDate.of(2025, 3, 7));
        assertThat(CaseClock.deadline(LocalDate.of(2025, 12, 20))).isEqualTo(LocalDate.of(2026, 1, 4));
        LocalDate first = LocalDate.of(2025, 1, 24);
        CaseClock threeLeft = CaseClock.of(first, true, LocalDate.of(2025, 2, 5), 3);
        assertThat(threeLeft.daysLeft()).isEqualTo(3);
        assertThat(threeLeft.dueSoon()).isFalse();
        CaseClock twoLeft = CaseClock.of(first, true, LocalDate.of(2025, 2, 6), 3);
        assertThat(twoLeft.dueSoon()).isTrue();
        CaseClock lastDay = CaseClock.of(first, true, LocalDate.of(2025, 2, 8), 3);
        assertThat(lastDay.daysLeft()).isZero();
        assertThat(lastDay.dueSoon()).isTrue();
        assertThat(lastDay.overdue()).isFalse();
        CaseClock dayAfter = CaseClock.of(first, true, LocalDate.of(2025, 2, 9), 3);
        assertThat(dayAfter.overdue()).isTrue();
        assertThat(dayAfter.daysLeft()).isEqualTo(-1);
        assertThat(CaseClock.of(first, false, LocalDate.of(2025, 3, 9), 3).overdue()).as("a decided case has no clock").isFalse();
    }

    @Test
    void aClueOpensACaseAndTheNextClueJoinsItInsteadOfOpeningASecond() {
        LocalDate d = LocalDate.of(2026, 2, 9);
        long h = fx.household();
        long id = fx.on(d).report(fx.cadre(), clue(h, d, RiskReason.ILLNESS));
        MonitorCase c = fx.get(id);
        assertThat(c.stage()).isEqualTo(Stage.CLUE);
        assertThat(c.firstClueOn()).isEqualTo(d);
        assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(c.persons()).isEqualTo(1);
        assertThat(c.townshipCode()).isEqualTo("530128001");

        ClueForm second = clue(h, d.plusDays(2), RiskReason.ACCIDENT);
        second.setChannel(Channel.CADRE_CHECK);
        second.setReporter("屏山街道干部");
        assertThat(fx.on(d.plusDays(2)).report(fx.cadre(), second)).isEqualTo(id);
        List<Clue> clues = fx.on(d.plusDays(2)).view(fx.cadre(), id).clues();
        assertThat(clues).extracting(Clue::channel).containsExactly(Channel.SELF_REPORT, Channel.CADRE_CHECK);
        assertThat(clues).extracting(Clue::openedCase).containsExactly(true, false);
        assertThat(fx.get(id).firstClueOn()).as("the clock runs from the first clue").isEqualTo(d);

        // the same form sent twice (a phone retrying) keeps one clue
        ClueForm retried = clue(h, d.plusDays(2), RiskReason.ILLNESS);
        retried.setIdempotencyKey("monitor-test-" + id);
        fx.on(d.plusDays(2)).report(fx.cadre(), retried);
        fx.on(d.plusDays(2)).report(fx.cadre(), retried);
        assertThat(fx.on(d.plusDays(2)).view(fx.cadre(), id).clues()).hasSize(3);
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void aClueNeedsAHouseholdAReasonAndADayNotInTheFuture() {
        LocalDate d = LocalDate.of(2026, 2, 10);
        ClueForm f = clue(fx.household(), d.plusDays(1), new RiskReason[0]);
        f.setHouseholdId(null);
        assertThatThrownBy(() -> fx.on(d).report(fx.cadre(), f)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(fields(e)).containsExactlyInAnyOrder("householdId", "reasons", "reportedOn");
            assertThat(codes(e)).contains("monitor.clue.household.required", "monitor.clue.reasons.required", "monitor.date.future");
        });
    }

    @Test
    void identificationGoesVisitVillageNoticeOfFiveDaysTownshipCounty() {
        LocalDate d = LocalDate.of(2026, 3, 2);
        long id = fx.on(d).report(fx.cadre(), clue(fx.household(), d, RiskReason.ILLNESS));

        // no consent, no further step
        HomeVisitForm noConsent = visit(fx.version(id), d.plusDays(1), true);
        noConsent.setConsentOn(null);
        assertThatThrownBy(() -> fx.on(d.plusDays(1)).visit(fx.cadre(), id, noConsent)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(codes(e)).containsExactly("monitor.visit.consent.required"));
        fx.on(d.plusDays(1)).visit(fx.cadre(), id, visit(fx.version(id), d.plusDays(1), true));
        assertThat(fx.get(id).stage()).isEqualTo(Stage.VILLAGE);
        assertThat(fx.get(id).kind()).isEqualTo(MonitorKind.SUDDEN);

        // a notice of four days (3rd to 6th) is refused; five (3rd to 7th) is the minimum
        assertThatThrownBy(() -> fx.on(d.plusDays(1)).villageReview(fx.cadre(), id,
                villageReview(fx.version(id), d.plusDays(1), d.plusDays(1), d.plusDays(4))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("noticeEnd");
                    assertThat(codes(e)).containsExactly("monitor.notice.tooShort");
                });
        fx.on(d.plusDays(1)).villageReview(fx.cadre(), id, villageReview(fx.version(id), d.plusDays(1), d.plusDays(1), d.plusDays(5)));
        assertThat(fx.get(id).stage()).isEqualTo(Stage.NOTICE);
        PublicNotice notice = fx.on(d.plusDays(1)).notice(fx.cadre(), fx.get(id).noticeId());
        assertThat(notice.days()).isEqualTo(5);
        assertThat(notice.lines()).extracting(PublicNotice.Line::caseId).contains(id);

        // the township waits for the notice to end (7th); on the 8th it may review
        assertThatThrownBy(() -> fx.on(d.plusDays(5)).townshipReview(fx.cadre(), id, review(fx.version(id), d.plusDays(5), true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(codes(e)).contains("monitor.notice.running"));
        fx.on(d.plusDays(6)).townshipReview(fx.cadre(), id, review(fx.version(id), d.plusDays(6), true));
        assertThat(fx.get(id).stage()).isEqualTo(Stage.COUNTY);

        // the cadre does not decide for the county; the county office does
        assertThatThrownBy(() -> fx.on(d.plusDays(7)).countyDecision(fx.cadre(), id, review(fx.version(id), d.plusDays(7), true)))
                .isInstanceOf(ForbiddenException.class);
        ReviewForm decision = review(fx.version(id), d.plusDays(7), true);
        decision.setKind(MonitorKind.SUDDEN);
        fx.on(d.plusDays(7)).countyDecision(fx.staff(), id, decision);
        MonitorCase c = fx.get(id);
        assertThat(c.stage()).isEqualTo(Stage.MONITORED);
        assertThat(c.includedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(fx.on(d.plusDays(7)).view(fx.staff(), id).reviews()).extracting(Review::level)
                .containsExactly(ReviewLevel.VILLAGE, ReviewLevel.TOWNSHIP, ReviewLevel.COUNTY);
        assertThat(fx.on(d.plusDays(7)).clock(c).running()).isFalse();
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void aCaseIsOverdueTheDayAfterItsFifteenthDayAndALateDecisionIsCountedLate() {
        LocalDate d = LocalDate.of(2026, 1, 5);
        long id = fx.on(d).report(fx.cadre(), clue(fx.household(), d, RiskReason.DISASTER));
        CaseQuery overdue = CaseQuery.overdueIn(null);
        assertThat(fx.on(d.plusDays(15)).search(fx.staff(), overdue, PageRequest.of(1, 500)).items()).extracting(MonitorCase::id).doesNotContain(id);
        assertThat(fx.on(d.plusDays(15)).search(fx.cadre(), new CaseQuery(null, null, null, null, null, null, false, true, null, null),
                PageRequest.of(1, 500)).items()).extracting(MonitorCase::id).as("due soon on its last day").contains(id);
        assertThat(fx.on(d.plusDays(16)).search(fx.staff(), overdue, PageRequest.of(1, 500)).items()).extracting(MonitorCase::id).contains(id);
        assertThat(fx.on(d.plusDays(16)).search(fx.cadre(), overdue, PageRequest.of(1, 500)).items()).extracting(MonitorCase::id).contains(id);
        assertThat(fx.on(d.plusDays(16)).search(scopes.of("wuding.staff"), overdue, PageRequest.of(1, 500)).items())
                .extracting(MonitorCase::id).doesNotContain(id);

        // the morning notices: the overdue cases of the township, once, to the township's cadre and the county office
        String key = "monitor:overdue:530128001:" + d.plusDays(15);
        assertThat(clockNotices.run(d.plusDays(16))).isPositive();
        assertThat(notifications.countByKey(key)).isGreaterThanOrEqualTo(3);
        long sent = notifications.countByKey(key);
        clockNotices.run(d.plusDays(16));
        assertThat(notifications.countByKey(key)).as("each notice goes out once").isEqualTo(sent);

        LocalDate month = LocalDate.of(2026, 1, 1);
        MonitorFacts.FlowRow before = flow(month);
        fx.on(d.plusDays(16)).visit(fx.cadre(), id, visit(fx.version(id), d.plusDays(16), true));
        fx.on(d.plusDays(17)).villageReview(fx.cadre(), id, villageReview(fx.version(id), d.plusDays(17), d.plusDays(17), d.plusDays(21)));
        fx.on(d.plusDays(22)).townshipReview(fx.cadre(), id, review(fx.version(id), d.plusDays(22), true));
        fx.on(d.plusDays(23)).countyDecision(fx.staff(), id, review(fx.version(id), d.plusDays(23), true));
        MonitorFacts.FlowRow after = flow(month);
        assertThat(after.decided() - before.decided()).isEqualTo(1);
        assertThat(after.decidedLate() - before.decidedLate()).isEqualTo(1);
        assertThat(after.included() - before.included()).isEqualTo(1);
        assertThat(after.includedPersons() - before.includedPersons()).isEqualTo(1);
        assertThat(fx.on(d.plusDays(23)).search(fx.staff(), overdue, PageRequest.of(1, 500)).items()).extracting(MonitorCase::id).doesNotContain(id);
    }

    private MonitorFacts.FlowRow flow(LocalDate month) {
        return facts.flows("530128001", 9, month, month).stream().filter(r -> r.kind().equals("SUDDEN")).findFirst()
                .orElse(new MonitorFacts.FlowRow("530128001", "SUDDEN", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void eliminationIsRefusedWhileAConditionFailsOrIncomeIsAboveTheLineForLessThanSixMonths() {
        LocalDate d = LocalDate.of(2026, 2, 2);
        long id = fx.includedCase(d, true);
        assertThat(fx.get(id).includedOn()).isEqualTo(LocalDate.of(2026, 2, 10));

        assertThatThrownBy(() -> fx.on(LocalDate.of(2026, 2, 11)).proposeElimination(fx.cadre(), id, fx.version(id)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(codes(e)).contains("monitor.elim.income.noFollowUp"));
        fx.on(LocalDate.of(2026, 2, 11)).addMeasure(fx.cadre(), id, measure(MeasureType.MEDICAL, LocalDate.of(2026, 2, 11)));
        fx.on(LocalDate.of(2026, 2, 11)).addMeasure(fx.cadre(), id, measure(MeasureType.EMPLOYMENT, LocalDate.of(2026, 2, 15)));

        fx.on(LocalDate.of(2026, 3, 10)).addFollowUp(fx.cadre(), id, followUp(LocalDate.of(2026, 3, 10), "9000", true));
        assertThatThrownBy(() -> fx.on(LocalDate.of(2026, 3, 11)).proposeElimination(fx.cadre(), id, fx.version(id)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(codes(e)).containsExactly("monitor.elim.income.tooShort");
                    assertThat(((InvalidInputException) e).violations().get(0).args()).containsExactly("2026-03-10", "2026-09-10");
                });
        // a fall under the 8,700 line in May breaks the run: it starts again in June
        fx.on(LocalDate.of(2026, 5, 10)).addFollowUp(fx.cadre(), id, followUp(LocalDate.of(2026, 5, 10), "8700", true));
        fx.on(LocalDate.of(2026, 6, 10)).addFollowUp(fx.cadre(), id, followUp(LocalDate.of(2026, 6, 10), "9100", true));
        EliminationCheck december9 = fx.on(LocalDate.of(2026, 12, 9)).elimination(fx.cadre(), id);
        assertThat(december9.stableSince()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(december9.failing()).extracting(EliminationCheck.Condition::code).containsExactly("monitor.elim.income.tooShort");
        // six months reached, but the medical bills are not solved
        fx.on(LocalDate.of(2026, 12, 10)).addFollowUp(fx.cadre(), id, followUp(LocalDate.of(2026, 12, 10), "9300", false));
        assertThatThrownBy(() -> fx.on(LocalDate.of(2026, 12, 10)).proposeElimination(fx.cadre(), id, fx.version(id)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(codes(e))
                        .containsExactlyInAnyOrder("monitor.elim.rigid.open", "monitor.elim.medical.open"));
        assertThat(fx.get(id).stage()).isEqualTo(Stage.MONITORED);

        fx.on(LocalDate.of(2026, 12, 11)).addFollowUp(fx.cadre(), id, followUp(LocalDate.of(2026, 12, 11), "9300", true));
        fx.on(LocalDate.of(2026, 12, 11)).proposeElimination(fx.cadre(), id, fx.version(id));
        assertThat(fx.get(id).stage()).isEqualTo(Stage.ELIM_VILLAGE);
        fx.on(LocalDate.of(2026, 12, 12)).villageReview(fx.cadre(), id,
                villageReview(fx.version(id), LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 16)));
        assertThat(fx.get(id).stage()).isEqualTo(Stage.ELIM_NOTICE);
        fx.on(LocalDate.of(2026, 12, 17)).townshipReview(fx.cadre(), id, review(fx.version(id), LocalDate.of(2026, 12, 17), true));
        fx.on(LocalDate.of(2026, 12, 18)).countyDecision(fx.staff(), id, review(fx.version(id), LocalDate.of(2026, 12, 18), true));
        MonitorCase c = fx.get(id);
        assertThat(c.stage()).isEqualTo(Stage.ELIMINATED);
        assertThat(c.eliminatedOn()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(factsCheck.differences()).isZero();

        // at risk again: the county reopens it, and it is monitored again
        fx.on(LocalDate.of(2027, 1, 5)).reopen(fx.staff(), id, fx.version(id), "户主旧病复发再次住院");
        assertThat(fx.get(id).stage()).isEqualTo(Stage.MONITORED);
        assertThat(fx.get(id).reopened()).isEqualTo(1);
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void aHouseholdWithoutLabourIsNotMarkedEliminatedOnceItsSafetyNetIsInPlace() {
        long id = fx.includedCase(LocalDate.of(2026, 3, 2), false);
        MeasureForm dibao = measure(MeasureType.DIBAO, LocalDate.of(2026, 3, 12));
        dibao.setDescription("纳入农村低保，按月发放");
        fx.on(LocalDate.of(2026, 3, 12)).addMeasure(fx.cadre(), id, dibao);
        fx.on(LocalDate.of(2026, 3, 20)).addFollowUp(fx.cadre(), id, followUp(LocalDate.of(2026, 3, 20), "9500", true));
        fx.on(LocalDate.of(2026, 10, 1)).addFollowUp(fx.cadre(), id, followUp(LocalDate.of(2026, 10, 1), "9500", true));
        EliminationCheck check = fx.on(LocalDate.of(2026, 10, 2)).elimination(fx.cadre(), id);
        assertThat(check.failing()).extracting(EliminationCheck.Condition::code).containsExactly("monitor.elim.noLabour.netInPlace");
        assertThatThrownBy(() -> fx.on(LocalDate.of(2026, 10, 2)).proposeElimination(fx.cadre(), id, fx.version(id)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(codes(e)).containsExactly("monitor.elim.noLabour.netInPlace"));
        assertThat(fx.get(id).stage()).isEqualTo(Stage.MONITORED);
    }

    @Test
    void aRejectedCaseIsNotReopenedByALaterClueWhichOpensANewCaseForAPersonToJudge() {
        LocalDate d = LocalDate.of(2026, 4, 1);
        long h = fx.household();
        long first = fx.on(d).report(fx.cadre(), clue(h, d, RiskReason.INDUSTRY));
        assertThatThrownBy(() -> fx.on(d).dismiss(fx.cadre(), first, fx.version(first), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("reason"));
        fx.on(d).dismiss(fx.cadre(), first, fx.version(first), "入户核实收入稳定，不符合监测条件");
        assertThat(fx.get(first).stage()).isEqualTo(Stage.REJECTED);
        long second = fx.on(d.plusDays(3)).report(fx.cadre(), clue(h, d.plusDays(3), RiskReason.INDUSTRY));
        assertThat(second).isNotEqualTo(first);
        assertThat(fx.get(first).stage()).isEqualTo(Stage.REJECTED);
        assertThat(fx.get(second).stage()).isEqualTo(Stage.CLUE);
        assertThat(fx.get(second).firstClueOn()).isEqualTo(d.plusDays(3));
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void theLineIsSetPerProvinceAndYearAndAYearWithoutOneKeepsTheLatestBefore() {
        assertThat(lines.forRegion("530128001001", 2024).orElseThrow().perHead()).isEqualByComparingTo("8700");
        lines.set(scopes.of("admin"), "53", 2030, new BigDecimal("9200"), "测试：2030年监测范围");
        IncomeLine y2029 = lines.forRegion("530128001001", 2029).orElseThrow();
        assertThat(y2029.perHead()).isEqualByComparingTo("8700");
        assertThat(y2029.setForYear()).isEqualTo(2025);
        assertThat(y2029.carried()).isTrue();
        assertThat(lines.forRegion("530128001001", 2030).orElseThrow().perHead()).isEqualByComparingTo("9200");
        assertThat(lines.forRegion("530128001001", 2031).orElseThrow().setForYear()).isEqualTo(2030);
        assertThat(lines.forRegion("530128001001", 2023)).as("before any line").isEmpty();
        assertThatThrownBy(() -> lines.set(fx.staff(), "53", 2031, new BigDecimal("9300"), null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anotherCountyGetsNotFoundOnReadAndOnWriteAndCannotReportForALuquanHousehold() {
        LocalDate d = LocalDate.of(2026, 4, 6);
        long h = fx.household();
        long id = fx.on(d).report(fx.cadre(), clue(h, d, RiskReason.ILLNESS));
        var wuding = scopes.of("wuding.staff");
        assertThatThrownBy(() -> fx.on(d).view(wuding, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.on(d).visit(wuding, id, visit(fx.version(id), d, true))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.on(d).dismiss(wuding, id, fx.version(id), "x")).isInstanceOf(NotFoundException.class);
        assertThat(fx.on(d).search(wuding, CaseQuery.all(), PageRequest.of(1, 500)).items()).extracting(MonitorCase::id).doesNotContain(id);
        assertThatThrownBy(() -> fx.on(d).report(wuding, clue(h, d, RiskReason.ILLNESS))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(codes(e)).containsExactly("monitor.clue.household.notFound"));
        // a Wuding case the Luquan office does not see
        long wh = fx.household(MonitorFixtures.WUDING_VILLAGE, "wuding.staff", "ORDINARY");
        long wid = fx.on(d).report(wuding, clue(wh, d, RiskReason.DISASTER));
        assertThatThrownBy(() -> fx.on(d).view(fx.staff(), wid)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.on(d).view(fx.cadre(), wid)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theWorkbenchShowsTheCadreTheVisitsToDoAndTheCountyItsDecisions() {
        LocalDate today = fx.today();
        long id = fx.on(today).report(fx.cadre(), clue(fx.household(), today, RiskReason.ILLNESS));
        List<WorkItem> cadre = workItems.items(fx.cadre());
        WorkItem visits = cadre.stream().filter(i -> i.labelCode().equals("monitor.work.visit")).findFirst().orElseThrow();
        assertThat(visits.count()).isEqualTo(fx.on(today).count(fx.cadre(), CaseQuery.group("visit"))).isPositive();
        assertThat(visits.link()).isEqualTo("/monitor/cases?group=visit");
        assertThat(cadre).extracting(WorkItem::labelCode).contains("monitor.work.township").doesNotContain("monitor.work.county");
        assertThat(workItems.items(fx.staff())).extracting(WorkItem::labelCode).contains("monitor.work.county", "monitor.work.overdue");
        // a monitored household not visited for 90 days is due a follow-up; a visit takes it off the list
        long monitored = fx.includedCase(today.minusDays(120), true);
        assertThat(fx.on(today).search(fx.cadre(), CaseQuery.group("followUpDue"), PageRequest.of(1, 500)).items())
                .extracting(MonitorCase::id).contains(monitored);
        fx.on(today).addFollowUp(fx.cadre(), monitored, followUp(today.minusDays(3), "8000", false));
        assertThat(fx.on(today).search(fx.cadre(), CaseQuery.group("followUpDue"), PageRequest.of(1, 500)).items())
                .extracting(MonitorCase::id).doesNotContain(monitored);
        assertThat(fx.get(id).stage()).isEqualTo(Stage.CLUE);
    }
}
