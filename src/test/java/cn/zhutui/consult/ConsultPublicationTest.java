package cn.zhutui.consult;

import static cn.zhutui.consult.ConsultFixtures.member;
import static cn.zhutui.consult.ConsultFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.member.MemberService;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Publishing is an explicit step of the county office, separate from the decision: a decided
 * outcome is published later with a text checked for personal data, and the public page — read
 * without login — lists only what was published, when it was, and where it stands, with no
 * person's name or phone.
 */
@IntegrationTest
class ConsultPublicationTest {

    @Autowired
    ConsultFixtures fx;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    MeetingService meetings;
    @Autowired
    PublicConsultService publicPage;
    @Autowired
    MemberService members;
    @Autowired
    Scopes scopes;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;

    @Test
    void aDecidedOutcomeIsPublishedLaterWithATextFreeOfPersonalData() throws Exception {
        DataScope office = scopes.of("luquan.staff");
        LocalDate today = LocalDate.now(clock);
        long hostId = fx.membersOf(DemoAccounts.LUQUAN).get(6);
        String host = members.find(hostId).orElseThrow().name();
        long other = fx.membersOf(DemoAccounts.LUQUAN).get(7);
        String otherName = members.find(other).orElseThrow().name();
        long platform = fx.platform(office, "VILLAGE", fx.place(DemoAccounts.LUQUAN, RegionLevel.VILLAGE));
        long topic = fx.topic(office, platform, today.minusDays(30));
        String title = ConsultFixtures.unique("关于村道排水沟清淤");
        long meeting = fx.meeting(office, topic, today.minusDays(20), hostId,
                List.of(person("欧阳翠花", "RESIDENT_REP"), person("司马长风", "STAKEHOLDER"), member(other)));
        fx.minutes(office, meeting);
        long published = fx.outcome(office, meeting, "村委会组织清理排水沟并设置护栏", today.plusDays(30));
        long kept = fx.outcome(office, meeting, "内部事项：核对施工队资质" + title, today.plusDays(30));

        PublishForm form = new PublishForm();
        form.setPublicTitle(title);
        form.setPublicText("经协商，由村委会组织清理排水沟。");
        form.setVersion(outcomes.get(office, published).version());
        // not decided until the minutes are final
        assertThatThrownBy(() -> outcomes.publish(office, published, form))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.outcome.notDecided"));
        fx.makeFinal(office, meeting);
        assertThat(outcomes.get(office, published).published()).as("deciding is not publishing").isFalse();

        form.setVersion(outcomes.get(office, published).version());
        form.setPublicText("经欧阳翠花提议，由村委会组织清理排水沟，联系电话13812345678。");
        assertThatThrownBy(() -> outcomes.publish(office, published, form)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(BusinessException::code)
                        .containsExactly("consult.publish.phone", "consult.publish.personalName"));
        form.setPublicText("由" + host + "委员主持协商，村委会组织清理排水沟。");
        assertThatThrownBy(() -> outcomes.publish(office, published, form)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(BusinessException::args).containsExactly(new Object[] {host}));
        form.setPublicText("身份证号530128199001011234的村民反映。");
        assertThatThrownBy(() -> outcomes.publish(office, published, form)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(BusinessException::code).containsExactly("consult.publish.idNumber"));
        // only the county's own office publishes
        form.setPublicText("经协商，由村委会组织清理排水沟并设置护栏，雨季前完成。");
        assertThatThrownBy(() -> outcomes.publish(scopes.of("wuding.staff"), published, form)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> outcomes.publish(scopes.of("province.staff"), published, form)).isInstanceOf(cn.zhutui.common.ForbiddenException.class);
        outcomes.publish(office, published, form);
        Outcome p = outcomes.get(office, published);
        assertThat(p.publishedAt()).isNotNull();
        assertThat(p.publishedBy()).isEqualTo(office.userId());

        String page = mvc.perform(get("/public/consult/" + DemoAccounts.LUQUAN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(title, "经协商，由村委会组织清理排水沟并设置护栏，雨季前完成。", "办理中",
                "公开于" + p.publishedAt().atZoneSameInstant(clock.getZone()).toLocalDate(), "办理时限：" + today.plusDays(30));
        assertThat(page).doesNotContain("欧阳翠花", "司马长风", host, otherName, "内部事项", "13812345678", "login");
        assertThat(mvc.perform(get("/public/consult")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("禄劝彝族苗族自治县");
        assertThat(publicPage.published(DemoAccounts.LUQUAN, cn.zhutui.common.PageRequest.of(1, 200)).items())
                .extracting(PublicOutcome::id).contains(published).doesNotContain(kept);

        // where it stands follows the record: carried out, then solved
        fx.done(office, published, today);
        fx.feedback(office, published, today, true);
        assertThat(publicPage.published(DemoAccounts.LUQUAN, cn.zhutui.common.PageRequest.of(1, 200)).items())
                .filteredOn(o -> o.id() == published).extracting(PublicOutcome::status).containsExactly("SOLVED");

        // withdrawn with a reason: off the public page
        assertThatThrownBy(() -> outcomes.unpublish(office, published, outcomes.get(office, published).version(), " "))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        outcomes.unpublish(office, published, outcomes.get(office, published).version(), "表述需要调整");
        assertThat(mvc.perform(get("/public/consult/" + DemoAccounts.LUQUAN)).andReturn().getResponse().getContentAsString()).doesNotContain(title);
        assertThat(outcomes.details(office, published).history()).extracting(HistoryLine::action).contains("PUBLISH", "UNPUBLISH");
    }

    @Test
    void thePublicPageNeedsNoLoginAndAnswersNotFoundForAPlaceWithoutACommittee() throws Exception {
        mvc.perform(get("/public/consult")).andExpect(status().isOk());
        mvc.perform(get("/public/consult/" + DemoAccounts.WUDING)).andExpect(status().isOk());
        mvc.perform(get("/public/consult/999999")).andExpect(status().isNotFound());
        mvc.perform(get("/public/consult/abc")).andExpect(status().isNotFound());
        // the internal pages still need a login
        mvc.perform(get("/consult/topics")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theDemoShowsPublishedOutcomesOfBothCounties() {
        assertThat(publicPage.counties()).extracting(PublicCounty::code).contains(DemoAccounts.LUQUAN, DemoAccounts.WUDING);
        assertThat(publicPage.published(DemoAccounts.WUDING, cn.zhutui.common.PageRequest.of(1, 20)).items())
                .extracting(PublicOutcome::title).contains("永宁村人畜饮水管网延伸问题");
    }
}
