package cn.zhutui.consult;

import static cn.zhutui.consult.ConsultFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules of grassroots consultation on a real PostgreSQL: topics through the county's steps
 * (no skipping without a reason, each step's requirement), minutes from draft to confirmed to
 * final, outcomes with deadlines and the overdue flag, follow-up and feedback until solved, and
 * the figures kept in step with all of it.
 */
@IntegrationTest
class ConsultServiceTest {

    @Autowired
    ConsultFixtures fx;
    @Autowired
    ConsultFactsCheck factsCheck;
    @Autowired
    TopicService topics;
    @Autowired
    MeetingService meetings;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    ProcedureService procedure;
    @Autowired
    Scopes scopes;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    DataScope office;
    LocalDate today;
    long host;
    long platform;

    @BeforeEach
    void setUp() {
        office = scopes.of("luquan.staff");
        today = LocalDate.now(clock);
        host = fx.membersOf(DemoAccounts.LUQUAN).get(1);
        platform = fx.platform(office, "VILLAGE", fx.place(DemoAccounts.LUQUAN, RegionLevel.VILLAGE));
    }

    @Test
    void theDefaultProcedureHasTheSixSteps() {
        long topic = fx.topic(office, platform, today);
        List<Step> order = procedure.steps(topics.get(office, topic).orgId());
        assertThat(order).extracting(Step::name).containsExactly("议题收集", "调研论证", "协商议事", "成果报送", "督办落实", "反馈评价");
        assertThat(order).extracting(Step::requirement).containsExactly(StepCheck.NONE, StepCheck.NONE, StepCheck.NONE,
                StepCheck.OUTCOME_AGREED, StepCheck.OUTCOME_AGREED, StepCheck.OUTCOMES_DONE);
        assertThat(topics.get(office, topic).stepId()).isEqualTo(order.get(0).id());
        assertThat(topics.get(office, topic).accepted()).isTrue();
    }

    @Test
    void aTopicGoesToTheNextStepButSkipsOrGoesBackOnlyWithAReason() {
        long topic = fx.topic(office, platform, today.minusDays(10));
        List<Step> order = procedure.steps(topics.get(office, topic).orgId());

        topics.move(office, topic, version(topic), order.get(1).id(), null);
        assertThat(topics.get(office, topic).stepId()).isEqualTo(order.get(1).id());

        // 调研论证 → 成果报送 skips 协商议事: refused without a reason
        assertThatThrownBy(() -> topics.move(office, topic, version(topic), order.get(3).id(), " "))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.code()).isEqualTo("consult.step.skipReason");
                    assertThat(e.args()).containsExactly("协商议事", "成果报送");
                });
        // with a reason, the step's own requirement still holds: no outcome agreed yet
        assertThatThrownBy(() -> topics.move(office, topic, version(topic), order.get(3).id(), "会前已充分调研"))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.step.requirement.OUTCOME_AGREED"));
        // 调研论证 → 议题收集: back only with a reason
        assertThatThrownBy(() -> topics.move(office, topic, version(topic), order.get(0).id(), null))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.step.backReason"));
        topics.move(office, topic, version(topic), order.get(0).id(), "议题需要重新征集意见");
        // 议题收集 → 协商议事 skips one, with a reason: allowed (no requirement)
        topics.move(office, topic, version(topic), order.get(2).id(), "群众要求尽快协商");
        assertThatThrownBy(() -> topics.move(office, topic, version(topic), order.get(2).id(), null))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.step.same"));

        TopicDetails d = topics.details(office, topic);
        assertThat(d.step().name()).isEqualTo("协商议事");
        assertThat(d.moves()).extracting(TopicMove::distance).containsExactly(0, 1, -1, 2);
        assertThat(d.moves()).extracting(TopicMove::reason).containsExactly(null, null, "议题需要重新征集意见", "群众要求尽快协商");
        assertThat(d.moves().get(3).from()).isEqualTo("议题收集");
        assertThat(d.moves().get(3).to()).isEqualTo("协商议事");
        assertThat(d.history()).extracting(HistoryLine::action).containsExactly("CREATE", "MOVE", "MOVE", "MOVE");
        assertThat(d.history().get(1).who()).isEqualTo("禄劝县政协工作人员");
    }

    @Test
    void eachStepAsksForWhatItRequires() {
        long topic = fx.topic(office, platform, today.minusDays(20));
        List<Step> order = procedure.steps(topics.get(office, topic).orgId());
        List<Long> agreed = fx.finalMeeting(office, topic, today.minusDays(15), host, today.plusDays(30));
        // a final meeting with an outcome: 成果报送 (after a reasoned skip), then 督办落实
        topics.move(office, topic, version(topic), order.get(3).id(), "会前调研已完成");
        topics.move(office, topic, version(topic), order.get(4).id(), null);
        // 反馈评价 asks for every outcome carried out
        assertThatThrownBy(() -> topics.move(office, topic, version(topic), order.get(5).id(), null))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo("consult.step.requirement.OUTCOMES_DONE");
                    assertThat(e.args()).containsExactly("反馈评价");
                });
        fx.done(office, agreed.get(0), today.minusDays(1));
        topics.move(office, topic, version(topic), order.get(5).id(), null);
        assertThat(topics.details(office, topic).step().name()).isEqualTo("反馈评价");
    }

    @Test
    void aCountyConfiguresItsOwnStepsAndCannotRetireOneInUse() {
        long topic = fx.topic(office, platform, today);
        long org = topics.get(office, topic).orgId();
        StepForm f = new StepForm();
        f.setName("民主评议" + ConsultFixtures.unique(""));
        f.setRequirement(StepCheck.ALL_SOLVED);
        long added = procedure.add(office, f);
        List<Step> order = procedure.steps(org);
        assertThat(order.get(order.size() - 1).id()).isEqualTo(added);
        assertThat(order.get(order.size() - 1).requirement()).isEqualTo(StepCheck.ALL_SOLVED);
        // the first step holds topics: it cannot be retired
        Step first = order.get(0);
        StepForm retire = StepForm.of(first);
        retire.setEnabled(false);
        assertThatThrownBy(() -> procedure.update(office, first.id(), retire))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.step.inUse"));
        // the new step may be retired; it leaves the order
        Step mine = procedure.step(added);
        StepForm off = StepForm.of(mine);
        off.setEnabled(false);
        procedure.update(office, added, off);
        assertThat(procedure.steps(org)).extracting(Step::id).doesNotContain(added);
        // another county's office cannot touch Luquan's steps
        assertThatThrownBy(() -> procedure.update(scopes.of("wuding.staff"), first.id(), StepForm.of(first)))
                .isInstanceOf(cn.zhutui.common.NotFoundException.class);
    }

    @Test
    void aCadreRaisesATopicInTheirRegionAndTheOfficeAcceptsIt() {
        DataScope cadre = scopes.of("cadre.demo");
        long pingshan = fx.platform(office, "TOWNSHIP", DemoAccounts.LUQUAN_TOWNSHIP);
        TopicForm form = fx.topicForm(pingshan, ConsultFixtures.unique("关于路灯"), today, "530128001002");
        long id = topics.create(cadre, form, "key-" + ConsultFixtures.unique(""));
        Topic t = topics.get(cadre, id);
        assertThat(t.pending()).isTrue();
        assertThat(topics.actions(cadre, t)).isEmpty();
        // outside the cadre's region (撒营盘镇): refused on the field
        TopicForm far = fx.topicForm(pingshan, ConsultFixtures.unique("关于别处"), today, "530128102201");
        assertThatThrownBy(() -> topics.create(cadre, far, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("regionCode")));
        topics.accept(office, id, t.version());
        Topic accepted = topics.get(office, id);
        assertThat(accepted.accepted()).isTrue();
        assertThat(accepted.acceptedOn()).isEqualTo(today);
        assertThatThrownBy(() -> topics.decline(office, id, accepted.version(), "重复"))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void theSameTopicSentTwiceIsRecordedOnce() {
        TopicForm form = fx.topicForm(platform, ConsultFixtures.unique("关于重复提交"), today, fx.place(DemoAccounts.LUQUAN, RegionLevel.VILLAGE));
        String key = "tap-" + java.util.UUID.randomUUID();
        long first = topics.create(office, form, key);
        long again = topics.create(office, form, key);
        assertThat(again).isEqualTo(first);
        assertThat(topics.count(office, new TopicQuery(null, platform, null, null, null, form.getTitle(), null, null, null, null))).isEqualTo(1);
    }

    @Test
    void aTopicFormBreakingSeveralRulesSaysAll() {
        TopicForm form = new TopicForm();
        form.setPlatformId(platform);
        form.setTitle(" ");
        form.setSource("NOT_A_SOURCE");
        form.setRaisedOn(today.plusDays(1));
        form.setHouseholds(-3);
        assertThatThrownBy(() -> topics.create(office, form, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(BusinessException::field)
                        .contains("title", "source", "raisedOn", "regionCode", "households"));
    }

    @Test
    void minutesGoFromDraftThroughTheAttendeesConfirmationToFinal() {
        long topic = fx.topic(office, platform, today.minusDays(5));
        long memberDemo = scopes.of("member.demo").memberId();
        long meeting = fx.meeting(office, topic, today.minusDays(1), memberDemo,
                List.of(person("王德福", "OFFICIAL"), person("段丽娟", "RESIDENT_REP"), person("陈思源", "STAKEHOLDER")));
        // nothing recorded yet: every missing piece is named
        assertThatThrownBy(() -> meetings.send(office, meeting, meetings.get(office, meeting).version()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(BusinessException::code)
                        .containsExactly("consult.send.attendance", "consult.send.minutes", "consult.send.consensus"));
        List<Participant> people = meetings.details(office, meeting).participants();
        assertThat(people).hasSize(4);
        assertThat(people.get(0).host()).isTrue();
        for (Participant p : people) {
            meetings.attendance(office, meeting, p.id(), !p.name().equals("陈思源"));
        }
        MinutesForm mf = new MinutesForm();
        mf.setMinutes("各方发表意见。");
        mf.setConsensusReached(true);
        mf.setConsensus(" ");
        mf.setVersion(meetings.get(office, meeting).version());
        assertThatThrownBy(() -> meetings.saveMinutes(office, meeting, mf)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo("consult.minutes.consensusText"));
        mf.setConsensus("同意按楼层梯度分摊。");
        meetings.saveMinutes(office, meeting, mf);
        long outcome = fx.outcome(office, meeting, "制定分摊方案", today.plusDays(20));
        meetings.send(office, meeting, meetings.get(office, meeting).version());
        assertThat(meetings.get(office, meeting).minutesState()).isEqualTo(MinutesState.CONFIRMING);
        // nothing of the record changes while it is confirmed
        assertThatThrownBy(() -> fx.outcome(office, meeting, "再加一项", today.plusDays(20)))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.minutes.needState.DRAFT"));

        Participant absent = people.stream().filter(p -> p.name().equals("陈思源")).findFirst().orElseThrow();
        assertThatThrownBy(() -> meetings.recordSignature(office, meeting, absent.id()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.confirm.absent"));
        for (Participant p : people) {
            if (p.name().equals("王德福")) {
                meetings.recordSignature(office, meeting, p.id());
            }
        }
        // two attendees have not confirmed: the member host and 段丽娟
        assertThatThrownBy(() -> meetings.finalizeMinutes(office, meeting, meetings.get(office, meeting).version()))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo("consult.finalize.unconfirmed");
                    assertThat(e.args()[0]).isEqualTo(2);
                });
        // the member confirms in the app; the host records 段丽娟's signature
        DataScope member = scopes.of("member.demo");
        assertThat(meetings.details(member, meeting).can("CONFIRM")).isTrue();
        meetings.confirm(member, meeting);
        Participant duan = people.stream().filter(p -> p.name().equals("段丽娟")).findFirst().orElseThrow();
        meetings.recordSignature(member, meeting, duan.id());
        long meetingsBefore = factsOf(topics.get(office, topic).orgId(), "meetings");
        meetings.finalizeMinutes(member, meeting, meetings.get(office, meeting).version());

        MeetingDetails d = meetings.details(office, meeting);
        assertThat(d.meeting().minutesState()).isEqualTo(MinutesState.FINAL);
        assertThat(d.participants()).filteredOn(Participant::present).extracting(Participant::confirmation)
                .containsExactlyInAnyOrder(Participant.SELF, Participant.SIGNED, Participant.SIGNED);
        assertThat(d.history()).extracting(HistoryLine::action).contains("SEND", "SIGNATURE", "CONFIRM", "FINAL");
        assertThat(factsOf(topics.get(office, topic).orgId(), "meetings")).isEqualTo(meetingsBefore + 1);
        assertThat(outcomes.get(office, outcome).status(today, true)).isEqualTo("OPEN");
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void theMinutesCanGoBackToDraftAndTheConfirmationsStartOver() {
        long topic = fx.topic(office, platform, today.minusDays(5));
        long meeting = fx.meeting(office, topic, today, host, List.of(person("李秀兰", "RESIDENT_REP")));
        fx.minutes(office, meeting);
        meetings.send(office, meeting, meetings.get(office, meeting).version());
        Participant li = meetings.details(office, meeting).participants().get(1);
        meetings.recordSignature(office, meeting, li.id());
        assertThatThrownBy(() -> meetings.returnToDraft(office, meeting, meetings.get(office, meeting).version(), ""))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        meetings.returnToDraft(office, meeting, meetings.get(office, meeting).version(), "共识表述需要修改");
        MeetingDetails d = meetings.details(office, meeting);
        assertThat(d.meeting().minutesState()).isEqualTo(MinutesState.DRAFT);
        assertThat(d.participants()).allMatch(p -> p.confirmation() == null);
    }

    @Test
    void attendanceIsRecordedOnlyOnceTheMeetingIsHeld() {
        long topic = fx.topic(office, platform, today);
        long meeting = fx.meeting(office, topic, today.plusDays(3), host, List.of());
        long hostRow = meetings.details(office, meeting).participants().get(0).id();
        assertThatThrownBy(() -> meetings.attendance(office, meeting, hostRow, true))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.attendance.notYet"));
        assertThat(meetings.details(office, meeting).can("ATTENDANCE")).isFalse();
    }

    @Test
    void outcomesHaveDeadlinesAndOverdueOnesAreFlagged() {
        long topic = fx.topic(office, platform, today.minusDays(40));
        List<Long> ids = fx.finalMeeting(office, topic, today.minusDays(30), host, today.minusDays(1), today, today.plusDays(10));
        long late = ids.get(0);
        assertThat(outcomes.get(office, late).overdue(today)).isTrue();
        assertThat(outcomes.get(office, ids.get(1)).overdue(today)).isFalse();
        assertThat(outcomes.get(office, ids.get(2)).overdue(today)).isFalse();
        OutcomeQuery overdue = new OutcomeQuery(null, null, topic, "OVERDUE", null, null, null, null);
        assertThat(outcomes.search(office, overdue, PageRequest.of(1, 20)).items()).extracting(r -> r.outcome().id()).containsExactly(late);
        assertThat(outcomes.details(office, late).status()).isEqualTo("OVERDUE");
        TopicRow row = topics.search(office, new TopicQuery(null, null, null, null, null, topics.get(office, topic).title(), null, null, null, null),
                PageRequest.of(1, 5)).items().get(0);
        assertThat(row.overdueOutcomes()).isEqualTo(1);
        assertThat(row.openOutcomes()).isEqualTo(3);

        // a deadline before the meeting is refused; a moved one needs a reason and clears the flag
        assertThatThrownBy(() -> outcomes.changeDeadline(office, late, version(late, true), today.plusDays(7), null))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> outcomes.changeDeadline(office, late, version(late, true), today.minusDays(31), "延期"))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.outcome.deadlineBeforeMeeting"));
        outcomes.changeDeadline(office, late, version(late, true), today.plusDays(7), "资金到位推迟，经协商延期一周");
        assertThat(outcomes.get(office, late).overdue(today)).isFalse();
        assertThat(outcomes.details(office, late).history()).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("DEADLINE");
            assertThat(h.changes()).anySatisfy(c -> {
                assertThat(c.before()).isEqualTo(today.minusDays(1).toString());
                assertThat(c.after()).isEqualTo(today.plusDays(7).toString());
            });
        });
        // an outcome of minutes still a draft is not yet decided: never overdue
        long topic2 = fx.topic(office, platform, today.minusDays(10));
        long draft = fx.meeting(office, topic2, today.minusDays(8), host, List.of());
        long undecided = fx.outcome(office, draft, "草稿中的成果", today.minusDays(2));
        assertThat(outcomes.search(office, new OutcomeQuery(null, null, topic2, "OVERDUE", null, null, null, null), PageRequest.of(1, 5)).items()).isEmpty();
        assertThat(outcomes.details(office, undecided).status()).isEqualTo("AGREED");
        assertThatThrownBy(() -> outcomes.markDone(office, undecided, version(undecided, true), today, null))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.outcome.notDecided"));
    }

    @Test
    void followUpUntilDoneThenTheResidentsSayWhetherTheProblemIsSolved() {
        long topic = fx.topic(office, platform, today.minusDays(60));
        List<Long> ids = fx.finalMeeting(office, topic, today.minusDays(50), host, today.plusDays(5), today.plusDays(15));
        long a = ids.get(0);
        long b = ids.get(1);
        FollowUpForm note = new FollowUpForm();
        note.setNotedOn(today.minusDays(20));
        note.setStage("IMPLEMENTING");
        note.setNote("已开工。");
        outcomes.addFollowUp(office, a, note, null, null, "note-" + a);
        outcomes.addFollowUp(office, a, note, null, null, "note-" + a);
        assertThat(outcomes.details(office, a).followUps()).hasSize(1);
        assertThat(outcomes.get(office, a).stage()).isEqualTo("IMPLEMENTING");

        // "solved" only once carried out
        assertThatThrownBy(() -> fx.feedback(office, a, today.minusDays(5), true)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(BusinessException::code).containsExactly("consult.feedback.notDone"));
        fx.done(office, a, today.minusDays(10));
        assertThatThrownBy(() -> outcomes.addFollowUp(office, a, note, null, null, null))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.outcome.alreadyDone"));
        // the residents say it is not solved: back to follow-up, the office is told
        fx.feedback(office, a, today.minusDays(8), false);
        Outcome reopened = outcomes.get(office, a);
        assertThat(reopened.done()).isFalse();
        assertThat(reopened.solved()).isFalse();
        fx.done(office, a, today.minusDays(4));
        fx.feedback(office, a, today.minusDays(3), true);
        assertThat(topics.get(office, topic).solved()).as("one outcome of two solved").isFalse();
        fx.done(office, b, today.minusDays(2));
        fx.feedback(office, b, today.minusDays(1), true);
        Topic solved = topics.get(office, topic);
        // solved the day of the last feedback: 60 - 1 = 59 days after it was raised
        assertThat(solved.solvedOn()).isEqualTo(today.minusDays(1));
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(solved.raisedOn(), solved.solvedOn())).isEqualTo(59);
        assertThat(outcomes.get(office, b).status(today)).isEqualTo("SOLVED");
        assertThat(topics.details(office, topic).meetings().get(0).outcomes()).extracting(OutcomeSummary::status)
                .containsExactly("SOLVED", "SOLVED");
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                        + " WHERE u.username = 'luquan.staff' AND n.message_code = 'consult.notify.notSolved' AND n.link = :link")
                .param("link", "/consult/outcomes/" + a).query(Long.class).single()).isEqualTo(1);
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void aCadreFollowsUpInTheirRegionButDoesNotCloseOutcomes() {
        long pingshan = fx.platform(office, "TOWNSHIP", DemoAccounts.LUQUAN_TOWNSHIP);
        long topic = topics.create(office, fx.topicForm(pingshan, ConsultFixtures.unique("关于巷道"), today.minusDays(9), "530128001002"), null);
        long outcome = fx.finalMeeting(office, topic, today.minusDays(8), host, today.plusDays(9)).get(0);
        DataScope cadre = scopes.of("cadre.demo");
        OutcomeDetails seen = outcomes.details(cadre, outcome);
        assertThat(seen.actions()).containsExactlyInAnyOrder(OutcomeAction.FOLLOW_UP, OutcomeAction.FEEDBACK);
        FollowUpForm note = new FollowUpForm();
        note.setNotedOn(today);
        note.setNote("现场查看，施工队已进场。");
        outcomes.addFollowUp(cadre, outcome, note, null, null, null);
        assertThatThrownBy(() -> outcomes.markDone(cadre, outcome, version(outcome, true), today, null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theProvinceAndThePrefectureSeeButOnlyTheCountyRunsIt() {
        long topic = fx.topic(office, platform, today);
        DataScope province = scopes.of("province.staff");
        DataScope kunming = scopes.of("kunming.staff");
        assertThat(topics.get(province, topic).id()).isEqualTo(topic);
        assertThat(topics.get(kunming, topic).id()).isEqualTo(topic);
        assertThat(topics.actions(province, topics.get(province, topic))).isEmpty();
        List<Step> order = procedure.steps(topics.get(office, topic).orgId());
        assertThatThrownBy(() -> topics.move(province, topic, version(topic), order.get(1).id(), null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> topics.move(kunming, topic, version(topic), order.get(1).id(), null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void twoPeopleSavingOneTopicDoNotOverwriteEachOther() {
        long topic = fx.topic(office, platform, today);
        TopicForm first = TopicForm.of(topics.get(office, topic));
        TopicForm second = TopicForm.of(topics.get(office, topic));
        first.setTitle(first.getTitle() + "（一）");
        topics.update(office, topic, first);
        second.setTitle(second.getTitle() + "（二）");
        assertThatThrownBy(() -> topics.update(office, topic, second)).isInstanceOf(cn.zhutui.common.ConflictException.class);
        assertThat(topics.get(office, topic).title()).endsWith("（一）");
    }

    // ---------------------------------------------------------------- helpers

    private int version(long topic) {
        return topics.get(office, topic).version();
    }

    private int version(long outcome, boolean isOutcome) {
        return outcomes.get(office, outcome).version();
    }

    private long factsOf(long orgId, String column) {
        return jdbc.sql("SELECT coalesce(sum(" + column + "), 0) FROM consult_fact WHERE org_id = :o").param("o", orgId).query(Long.class).single();
    }
}
