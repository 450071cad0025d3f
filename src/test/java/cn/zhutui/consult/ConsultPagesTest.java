package cn.zhutui.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every consultation page opens for each role that reaches it, in Chinese and in English, on the
 * demo's records — and shows what that person should see. A form sent with broken rules comes
 * back with what was typed and the reasons on the fields.
 */
@IntegrationTest
class ConsultPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Scopes scopes;
    @Autowired
    TopicService topics;
    @Autowired
    MeetingService meetings;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    PlatformService platforms;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCountyOfficeOpensEveryPage() throws Exception {
        DataScope office = scopes.of("luquan.staff");
        long topic = topic(office, "关于解决三蒙村花卉基地土地流转租金拖欠问题");
        long meeting = meetings.search(office, new MeetingQuery(null, null, topic, null, null, null, null, null, null), PageRequest.of(1, 1))
                .items().get(0).meeting().id();
        long outcome = outcomes.search(office, new OutcomeQuery(null, null, topic, null, null, null, null, null), PageRequest.of(1, 1))
                .items().get(0).outcome().id();
        long platform = topics.get(office, topic).platformId();
        for (String lang : List.of("", "?lang=en")) {
            for (String path : List.of("/consult/board", "/consult/topics", "/consult/topics/new", "/consult/topics/" + topic,
                    "/consult/topics/" + topic + "/edit", "/consult/meetings", "/consult/meetings/" + meeting, "/consult/meetings/" + meeting + "/sign-in",
                    "/consult/meetings/new?topicId=" + topic, "/consult/meetings/" + meeting + "/report", "/consult/outcomes",
                    "/consult/outcomes/" + outcome, "/consult/outcomes?status=OVERDUE", "/consult/platforms", "/consult/platforms/" + platform,
                    "/consult/platforms/" + platform + "/edit", "/consult/platforms/new", "/consult/procedure", "/consult/stats",
                    "/consult/stats?byCounty=true", "/consult/topics/import", "/consult/topics?state=PENDING", "/consult/meetings?minutesLate=true")) {
                page("luquan.staff", path + (lang.isEmpty() ? "" : (path.contains("?") ? "&lang=en" : lang)));
            }
        }
        String board = page("luquan.staff", "/consult/board");
        assertThat(board).contains("议题收集", "调研论证", "协商议事", "成果报送", "督办落实", "反馈评价", "关于北街社区老旧小区加装电梯费用分摊问题");
        String chain = page("luquan.staff", "/consult/topics/" + topic);
        assertThat(chain).contains("关于三蒙村花卉基地土地租金问题的协商议事会议", "合作社在3个月内分两期付清拖欠的土地流转租金和灌溉水费", "问题已解决", "已公开");
        String outcomePage = page("luquan.staff", "/consult/outcomes/" + outcome);
        assertThat(outcomePage).contains("关于解决三蒙村花卉基地土地流转租金拖欠问题", "关于三蒙村花卉基地土地租金问题的协商议事会议");
    }

    @Test
    void theProvinceSeesTheCountiesButHasNoButtonsToRunThem() throws Exception {
        DataScope office = scopes.of("luquan.staff");
        long topic = topic(office, "关于北街社区老旧小区加装电梯费用分摊问题");
        String page = page("province.staff", "/consult/topics/" + topic);
        assertThat(page).contains("关于北街社区老旧小区加装电梯费用分摊问题").doesNotContain("id=\"move-form\"", "id=\"new-meeting\"");
        String stats = page("province.staff", "/consult/stats?byCounty=true");
        assertThat(stats).contains("禄劝彝族苗族自治县政协", "武定县政协");
        page("leader", "/consult/stats");
        page("kunming.staff", "/consult/stats");
        page("province.staff", "/consult/board?orgId=" + topics.get(office, topic).orgId());
    }

    @Test
    void aMemberSeesTheMeetingsTheyHostedOrAttendedAndConfirms() throws Exception {
        String list = page("member.demo", "/consult/meetings?toConfirm=true");
        assertThat(list).contains("农贸市场周边占道经营问题协商会");
        String all = page("member.demo", "/consult/meetings");
        assertThat(all).contains("农贸市场周边占道经营问题协商会", "核桃合作社分红方案协商会").doesNotContain("永宁村饮水管网延伸协商会");
        DataScope member = scopes.of("member.demo");
        long meeting = meetings.search(member, new MeetingQuery(null, null, null, null, null, "农贸市场", true, null, null), PageRequest.of(1, 1))
                .items().get(0).meeting().id();
        assertThat(page("member.demo", "/consult/meetings/" + meeting)).contains("id=\"confirm-minutes\"");
        page("member.demo", "/consult/topics");
        page("member.demo", "/consult/outcomes");
        page("member.demo", "/consult/platforms");
        mvc.perform(get("/consult/stats").with(as("member.demo"))).andExpect(status().isForbidden());
    }

    @Test
    void aCadreSeesTheirRegionAndRaisesTopicsOnAPhoneForm() throws Exception {
        String list = page("cadre.demo", "/consult/topics");
        assertThat(list).contains("关于南街社区背街小巷夜间照明不足问题").doesNotContain("关于尚德村通组道路硬化后的养护问题");
        String form = page("cadre.demo", "/consult/topics/new");
        assertThat(form).contains("屏山街道协商议事平台", "name=\"idempotencyKey\"");
        // a form with broken rules comes back with what was typed and the reasons on the fields
        long platform = platforms.choices(scopes.of("cadre.demo")).get(0).id();
        String back = mvc.perform(post("/consult/topics").with(as("cadre.demo")).with(csrf())
                        .param("platformId", String.valueOf(platform)).param("title", "关于北街路口积水")
                        .param("source", "RESIDENT").param("raisedOn", "2999-01-01").param("regionCode", "")
                        .param("description", "雨天积水没过脚踝").param("idempotencyKey", "k-" + java.util.UUID.randomUUID()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(back).contains("关于北街路口积水", "雨天积水没过脚踝", "日期不能晚于今天", "必填");
        page("cadre.demo", "/consult/outcomes");
        page("cadre.demo", "/consult/meetings");
    }

    @Autowired
    ConsultFixtures fx;

    @Test
    void minutesSavedOverAChangeMadeMeanwhileKeepWhatWasTyped() throws Exception {
        DataScope office = scopes.of("luquan.staff");
        java.time.LocalDate today = topics.today();
        long platform = fx.platform(office, "VILLAGE", fx.place(cn.zhutui.demo.DemoAccounts.LUQUAN, cn.zhutui.region.RegionLevel.VILLAGE));
        long topic = fx.topic(office, platform, today);
        long meeting = fx.meeting(office, topic, today, fx.membersOf(cn.zhutui.demo.DemoAccounts.LUQUAN).get(1),
                List.of(ConsultFixtures.person("赵德明", "RESIDENT_REP")));
        int seen = meetings.get(office, meeting).version();
        // meanwhile the host signs someone in
        meetings.attendance(office, meeting, meetings.details(office, meeting).participants().get(1).id(), true);
        String back = mvc.perform(post("/consult/meetings/" + meeting + "/minutes").with(as("luquan.staff")).with(csrf())
                        .param("minutes", "一段很长的纪要，不能丢").param("consensusReached", "true").param("consensus", "同意")
                        .param("version", String.valueOf(seen)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(back).contains("一段很长的纪要，不能丢", "已被他人修改");
        assertThat(meetings.get(office, meeting).minutes()).isNull();
    }

    private long topic(DataScope scope, String title) {
        return topics.search(scope, new TopicQuery(null, null, null, null, null, title, null, null, null, null), PageRequest.of(1, 1))
                .items().get(0).topic().id();
    }
}
