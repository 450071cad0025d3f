package cn.zhutui.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.zhutui.support.BrowserTest;
import cn.zhutui.support.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The county officer's whole journey, as in 牟尼村: a land-rent dispute between villagers and a
 * flower grower is raised as a topic, consulted at a meeting hosted by a member with council
 * members, villager representatives, the grower and cadres (each signed in), a consensus reached
 * and an outcome agreed; the minutes confirmed by signatures and made final; the outcome followed
 * up, carried out, and the residents say it is solved; the office publishes it, and the public
 * page shows it to anyone, without login and without anyone's name. On a phone and on a desktop.
 */
@IntegrationTest
class ConsultBrowserTest extends BrowserTest {

    static final List<String> PEOPLE = List.of("李学文", "杨丽花", "马建国", "何春燕");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void aCountyOfficerRecordsTheConsultationFollowsItUpAndPublishesIt(String device) {
        boolean phone = device.equals("phone");
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(phone ? 390 : 1366, phone ? 844 : 768).setIsMobile(phone).setHasTouch(phone));
        ctx.setDefaultTimeout(15_000);
        watch(ctx);
        Page p = ctx.newPage();
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String title = "关于解决尚德村花卉基地土地租金拖欠问题" + tag;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        p.navigate(url("/login"));
        p.fill("#username", "luquan.staff");
        p.fill("#password", DEMO_PASSWORD);
        p.click("#login-submit");
        assertThat(p.locator("h1")).isVisible();

        // the topic, raised by the villagers
        p.navigate(url("/consult/topics/new"));
        p.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        p.selectOption("#platformId", new SelectOption().setLabel("尚德村协商议事室"));
        p.fill("#title", title);
        p.selectOption("#source", "RESIDENT");
        p.fill("#raisedBy", "尚德村村民小组长");
        p.fill("#regionCode-query", "尚德村");
        p.locator(".rp-option[data-code='530128102201']").click();
        p.fill("#affected", "流转土地的村民126户");
        p.fill("#households", "126");
        p.fill("#description", "花卉种植企业受市场影响资金周转困难，拖欠两期土地租金和水费，村民意见很大。");
        p.click("#save-topic");
        assertThat(p.locator("#topic-title")).hasText(title);
        assertThat(p.locator("#topic-state")).hasText("推进中");
        assertThat(p.locator("#topic-steps li.current")).hasText("议题收集");

        // the meeting, hosted by a member
        p.click("#new-meeting");
        p.selectOption("#hostMemberId", new SelectOption().setIndex(1));
        p.fill("#agenda", "一、村委会介绍情况；二、企业说明困难；三、村民代表发表意见；四、委员居中协调，形成共识。");
        p.click("#save-meeting");
        assertThat(p.locator("#meeting-state")).hasText("纪要草稿");
        addPerson(p, PEOPLE.get(0), "RESIDENT_REP", "尚德村村民代表");
        addPerson(p, PEOPLE.get(1), "STAKEHOLDER", "花卉种植企业");
        addPerson(p, PEOPLE.get(2), "OFFICIAL", "撒营盘镇农业农村服务中心");
        addPerson(p, PEOPLE.get(3), "COUNCIL", "议事会成员");
        p.selectOption("#add-member-select", new SelectOption().setIndex(3));
        p.click("#add-member");
        assertThat(p.locator("#participant-table tbody tr")).hasCount(6);

        // sign-in, one person at a time, on the sign-in page
        p.click("#sign-in-page");
        for (String name : PEOPLE) {
            p.locator("li[data-person='" + name + "'] .present-btn").click();
            assertThat(p.locator("li[data-person='" + name + "'] .present-btn")).hasClass(java.util.regex.Pattern.compile("btn-success"));
        }
        p.locator("#sign-in-list li").nth(0).locator(".present-btn").click();
        p.locator("#sign-in-list li").nth(5).locator(".absent-btn").click();
        assertThat(p.locator("#attendance-summary")).hasText("出席5人，共6人");
        screenshot(p, device + "-sign-in");
        p.click("#sign-in-done");

        // minutes, consensus, the outcome
        p.fill("#minutes-text", "村委会介绍了拖欠情况；企业说明资金困难，承诺分期补缴；村民代表起初要求一次付清，经充分沟通，理解企业困难；委员居中协调。");
        p.check("#consensus-yes");
        p.fill("#consensus-text", "村民同意企业延期3个月缴纳拖欠的租金和水费，由镇农业农村服务中心监督合同履行。");
        p.click("#save-minutes");
        assertThat(p.locator("#flash")).containsText("已保存");
        p.fill("#outcome-action", "企业在3个月内分两期付清拖欠的土地租金和水费");
        p.fill("#outcome-responsible", "花卉种植企业、撒营盘镇农业农村服务中心");
        p.fill("#outcome-deadline", today.plusDays(90).toString());
        p.click("#add-outcome");
        assertThat(p.locator("#outcome-list")).containsText("企业在3个月内分两期付清拖欠的土地租金和水费");

        // the attendees' signatures recorded; the minutes final
        p.click("#send-minutes");
        assertThat(p.locator("#meeting-state")).hasText("待参会人员确认");
        while (p.locator(".sign-btn").count() > 0) {
            // each signature sends a form: wait for the page it brings back before counting again
            p.waitForNavigation(() -> p.locator(".sign-btn").first().click());
        }
        assertThat(p.locator("#confirm-summary")).hasText("已确认5人，共5人出席");
        p.click("#finalize-minutes");
        assertThat(p.locator("#meeting-state")).hasText("纪要已定稿");
        assertThat(p.locator("#report-docx")).isVisible();
        screenshot(p, device + "-meeting");

        // the topic moves on: skipping steps needs a reason
        p.locator(".breadcrumb a", new Page.LocatorOptions().setHasText(title)).click();
        assertThat(p.locator("#topic-title")).hasText(title);
        p.selectOption("#stepId", new SelectOption().setLabel("成果报送"));
        p.click("#move-topic");
        assertThat(p.locator("#consult-error")).containsText("从“调研论证”跳到“成果报送”需要说明理由");
        p.selectOption("#stepId", new SelectOption().setLabel("成果报送"));
        p.fill("#reason", "群众反映强烈，会前已充分走访，直接协商");
        p.click("#move-topic");
        assertThat(p.locator("#topic-steps li.current")).hasText("成果报送");
        assertThat(p.locator("#topic-moves")).containsText("跳过2个步骤");
        p.locator("#chain a").first().click();
        assertThat(p.locator("#meeting-state")).hasText("纪要已定稿");

        Page print = ctx.newPage();
        print.navigate(p.url().replaceAll("#.*", "") + "/report");
        assertThat(print.locator(".report-title")).containsText(title);
        assertThat(print.locator("#report")).containsText("三、协商成果建议");
        screenshot(print, device + "-report");
        print.close();

        // follow-up until carried out, then the residents say it is solved
        p.locator("#outcome-list a").first().click();
        assertThat(p.locator("#outcome-status")).containsText("办理中");
        p.selectOption("#followup-stage", "IMPLEMENTING");
        p.fill("#followup-note", "企业已支付第一期租金，镇农业农村服务中心核对无误。");
        p.click("#add-followup");
        assertThat(p.locator("#followup-list")).containsText("企业已支付第一期租金");
        p.fill("#done-note", "拖欠租金和水费全部付清。");
        p.click("#mark-done");
        assertThat(p.locator("#outcome-status")).containsText("已办结");
        p.fill("#feedback-source", "入户回访");
        p.selectOption("#feedback-satisfaction", "SATISFIED");
        p.check("#feedback-solved-yes");
        p.fill("#feedback-note", "租金到位了，村民满意。");
        p.click("#add-feedback");
        assertThat(p.locator("#outcome-status")).containsText("问题已解决");

        // published as a separate step
        assertThat(p.locator("#public-text")).containsText("村民同意企业延期3个月缴纳");
        p.fill("#public-title", title);
        p.click("#publish");
        assertThat(p.locator("#published-badge")).isVisible();
        screenshot(p, device + "-outcome");

        // the whole chain from the topic's end; the topic goes on to its last step
        p.click("text=" + title);
        p.selectOption("#stepId", new SelectOption().setLabel("督办落实"));
        p.click("#move-topic");
        assertThat(p.locator("#topic-steps li.current")).hasText("督办落实");
        p.selectOption("#stepId", new SelectOption().setLabel("反馈评价"));
        p.click("#move-topic");
        assertThat(p.locator("#topic-steps li.current")).hasText("反馈评价");
        assertThat(p.locator("#topic-state")).hasText("已解决");
        assertThat(p.locator("#chain")).containsText("企业在3个月内分两期付清拖欠的土地租金和水费");
        assertThat(p.locator("#chain")).containsText("问题已解决");
        assertThat(p.locator("#solved-on")).containsText(today.toString());
        screenshot(p, device + "-topic");

        // the public page, without login, without names
        BrowserContext anonymous = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(phone ? 390 : 1366, phone ? 844 : 768).setIsMobile(phone));
        watch(anonymous);
        Page pub = anonymous.newPage();
        pub.navigate(url("/public/consult"));
        pub.click("text=禄劝彝族苗族自治县");
        assertThat(pub.locator("#county-name")).containsText("禄劝彝族苗族自治县");
        var item = pub.locator("article.public-item", new Page.LocatorOptions().setHasText(title));
        assertThat(item).containsText("村民同意企业延期3个月缴纳拖欠的租金和水费");
        assertThat(item.locator(".public-status")).hasText("问题已解决");
        assertThat(item.locator(".published-at")).containsText("公开于" + today);
        for (String name : PEOPLE) {
            assertThat(pub.locator("body")).not().containsText(name);
        }
        screenshot(pub, device + "-public");
        anonymous.close();
        ctx.close();
    }

    /** A member confirms the minutes of a meeting they attended, on a phone. */
    @org.junit.jupiter.api.Test
    void aMemberConfirmsTheMinutesOnAPhone() {
        var office = scopes.of("luquan.staff");
        var member = scopes.of("member.demo");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long platform = fx.platform(office, "VILLAGE", fx.place(cn.zhutui.demo.DemoAccounts.LUQUAN, cn.zhutui.region.RegionLevel.VILLAGE));
        long topic = fx.topic(office, platform, today.minusDays(3));
        long meeting = fx.meeting(office, topic, today.minusDays(1), fx.membersOf(cn.zhutui.demo.DemoAccounts.LUQUAN).get(1),
                List.of(cn.zhutui.consult.ConsultFixtures.member(member.memberId()), cn.zhutui.consult.ConsultFixtures.person("王秀英", "RESIDENT_REP")));
        fx.minutes(office, meeting);
        meetings.send(office, meeting, meetings.get(office, meeting).version());

        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true));
        watch(ctx);
        Page p = ctx.newPage();
        p.navigate(url("/login"));
        p.fill("#username", "member.demo");
        p.fill("#password", DEMO_PASSWORD);
        p.click("#login-submit");
        assertThat(p.locator("h1")).isVisible();
        p.navigate(url("/consult/meetings?toConfirm=true"));
        p.locator("#meeting-table a[href='/consult/meetings/" + meeting + "']").click();
        assertThat(p.locator("#meeting-state")).hasText("待参会人员确认");
        assertThat(p.locator("#minutes-view")).containsText("各方充分发表意见");
        p.click("#confirm-minutes");
        assertThat(p.locator("#flash")).containsText("您已确认纪要");
        assertThat(p.locator("#participant-table tr[data-person='" + members.find(member.memberId()).orElseThrow().name() + "']"))
                .containsText("本人确认");
        assertThat(p.locator("#confirm-minutes")).hasCount(0);
        screenshot(p, "member-phone-confirmed");
        ctx.close();
    }

    /** A village cadre raises a topic from the field on a phone; it waits for the county office. */
    @org.junit.jupiter.api.Test
    void aCadreRaisesATopicOnAPhone() {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true));
        watch(ctx);
        Page p = ctx.newPage();
        p.navigate(url("/login"));
        p.fill("#username", "cadre.demo");
        p.fill("#password", DEMO_PASSWORD);
        p.click("#login-submit");
        assertThat(p.locator("h1")).isVisible();
        p.navigate(url("/consult/topics/new"));
        p.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        String title = "关于北街社区路口雨天积水问题" + UUID.randomUUID().toString().substring(0, 4);
        p.selectOption("#platformId", new SelectOption().setLabel("屏山街道协商议事平台"));
        p.fill("#title", title);
        // a date in the future comes back with the reason, and what was typed is kept
        p.fill("#raisedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString());
        p.fill("#regionCode-query", "北街社区");
        p.locator(".rp-option[data-code='530128001001']").click();
        p.fill("#description", "雨天路口积水没过脚踝，老人孩子出行不便。");
        p.click("#save-topic");
        assertThat(p.locator("#raisedOn ~ .invalid-feedback")).containsText("日期不能晚于今天");
        assertThat(p.locator("#title")).hasValue(title);
        assertThat(p.locator("#description")).hasValue("雨天路口积水没过脚踝，老人孩子出行不便。");
        p.fill("#raisedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        p.click("#save-topic");
        assertThat(p.locator("#topic-title")).hasText(title);
        assertThat(p.locator("#topic-state")).hasText("待受理");
        assertThat(p.locator("#flash")).containsText("等待政协办公室受理");
        screenshot(p, "cadre-phone-raised");
        ctx.close();
    }

    /** The province follows every county live: the figures by county, drilling into one. */
    @org.junit.jupiter.api.Test
    void theProvinceSeesEveryCountysFigures() {
        login("province.staff", DEMO_PASSWORD);
        page.setViewportSize(1366, 768);
        assertThat(page.locator("h1")).isVisible();
        page.click("#nav-consult-stats");
        assertThat(page.locator("#stats-table")).containsText("昆明市政协");
        page.click("#stats-table >> text=昆明市政协");
        assertThat(page.locator("#stats-table")).containsText("禄劝彝族苗族自治县政协");
        var luquan = page.locator("#stats-table tr[data-unit='禄劝彝族苗族自治县政协']");
        assertThat(luquan.locator("td").nth(1)).not().hasText("0");
        screenshot(page, "province-stats");
        luquan.locator("td").nth(1).locator("a").click();
        assertThat(page.locator("#meeting-table")).containsText("协商");
        page.navigate(url("/consult/board?orgId=" + orgs.committeeOfRegion(cn.zhutui.demo.DemoAccounts.LUQUAN).orElseThrow().id()));
        assertThat(page.locator("#board")).containsText("督办落实");
        screenshot(page, "province-board");
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.zhutui.consult.ConsultFixtures fx;
    @org.springframework.beans.factory.annotation.Autowired
    cn.zhutui.support.Scopes scopes;
    @org.springframework.beans.factory.annotation.Autowired
    cn.zhutui.consult.MeetingService meetings;
    @org.springframework.beans.factory.annotation.Autowired
    cn.zhutui.member.MemberService members;
    @org.springframework.beans.factory.annotation.Autowired
    cn.zhutui.org.OrgService orgs;

    private static void addPerson(Page p, String name, String role, String affiliation) {
        p.fill("#add-person-name", name);
        p.selectOption("#add-person-role", role);
        p.fill("#add-person-affiliation", affiliation);
        p.click("#add-person");
        assertThat(p.locator("#participant-table")).containsText(name);
    }

    private static void screenshot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/ConsultBrowserTest-" + name + ".png")));
    }
}
