package cn.zhutui.monitor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.support.BrowserTest;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Screen;
import cn.zhutui.support.TestClock;
import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monitoring journey at phone and desktop size: the township cadre records a household's own
 * report of a sudden illness expense on the field form the day it comes in; the test's clock is
 * turned sixteen days on, the 15-day clock has run out, the morning job tells the county office,
 * which finds the notice in its notification list and the case in its overdue list; the cadre
 * records the home visit and the village's review with its notice and the township's review; the
 * county office decides; the cadre puts a plan of two measures in place.
 */
@IntegrationTest
class MonitorBrowserTest extends BrowserTest {

    @Autowired
    MonitorFixtures fx;

    @Autowired
    TestClock clock;

    @Autowired
    ClockNotices clockNotices;

    private void as(Screen size, String username) {
        at(size);
        login(username, DEMO_PASSWORD);
        assertThat(page.locator("h1").first()).isVisible();
    }

    /** The case in the list as this screen shows it: cards on a phone, the table on a desktop. */
    private Locator listed(String text) {
        return page.locator(screen.phone() ? "#case-cards" : "#case-table").getByText(text, new Locator.GetByTextOptions().setExact(true)).first();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aSelfReportedIllnessGoesThroughVillageTownshipAndCountyWithAPlanOfTwoMeasures(Screen size) {
        try {
            journey(size);
        } finally {
            clock.reset();
        }
    }

    private void journey(Screen size) {
        // each screen on days of its own: the morning notice is one per township and deadline day
        clock.advance(java.time.Duration.ofDays(30L * size.ordinal()));
        long household = fx.household();
        LocalDate first = fx.today();
        String name = fx.headName(household);

        // the cadre, in the field: the household's own report, written down by the cadre
        as(size, "cadre.demo");
        page.navigate(url("/monitor/clues/new"));
        htmxReady();
        page.fill("#household-query", name);
        page.locator(".hp-option").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        page.check("#clue-form input[name=channel][value=SELF_REPORT]");
        page.check("#clue-form input[name=onBehalf]");
        page.fill("#reporter", "户主妻子");
        page.check("#clue-form input[name=reasons][value=ILLNESS]");
        page.fill("#description", "户主突发脑梗住院，自付医疗费约4.8万元");
        page.fill("#amount", "48000");
        assertThat(page.locator("#reportedOn")).hasValue(first.toString());
        shot("clue-form");
        page.click("#save-clue");
        assertThat(page.locator("#case-title")).hasText(name);
        assertThat(page.locator("#case-stage")).containsText("待入户核实");
        assertThat(page.locator("#case-clock")).containsText("剩15天");
        assertThat(page.locator("#clues")).containsText("农户自主申报");
        assertThat(page.locator("#clues")).containsText("他人代为申报");
        String caseUrl = page.url();

        // sixteen days on, nothing done: the clock has run out and the morning job tells the county office
        clock.advance(java.time.Duration.ofDays(16));
        LocalDate today = fx.today();
        assertThat(today).isEqualTo(first.plusDays(16));
        page.reload();
        assertThat(page.locator("#case-clock")).containsText("已超期1天");
        assertThat(clockNotices.run(today)).as("the overdue notice of the township's cases").isPositive();

        // the county office: the notice in its notification list, the case in its overdue list
        as(size, "luquan.staff");
        page.navigate(url("/notifications"));
        assertThat(page.locator("#notifications")).containsText("超过15日认定时限");
        assertThat(page.locator("#notifications")).containsText(name);
        page.navigate(url("/monitor/cases?overdue=true"));
        assertThat(listed(name)).isVisible();
        shot("county-overdue");

        // the cadre: home visit and consent, the village's review with a five-day notice, the township's review
        as(size, "cadre.demo");
        page.navigate(caseUrl);
        page.fill("#visit-form input[name=visitedOn]", today.minusDays(15).toString());
        page.fill("#visit-form input[name=visitors]", "张文华、李春梅");
        page.fill("#visit-form textarea[name=findings]", "户主住院，妻子在家照顾两个孩子，家庭收入明显下降");
        page.fill("#visit-form input[name=incomePerHead]", "6200");
        page.fill("#visit-form input[name=expense]", "48000");
        page.selectOption("#visit-form select[name=kind]", "SUDDEN");
        page.selectOption("#visit-form select[name=hasLabour]", "true");
        page.fill("#visit-form input[name=consentOn]", today.minusDays(15).toString());
        page.click("#save-visit");
        assertThat(page.locator("#case-stage")).containsText("待村级评议");

        page.fill("#review-form input[name=decidedOn]", today.minusDays(14).toString());
        page.check("#review-form input[name=agreed][value=true]");
        page.fill("#review-form input[name=participants]", "23");
        page.fill("#review-form input[name=noticePlace]", "北街社区公示栏");
        page.fill("#review-form input[name=noticeStart]", today.minusDays(14).toString());
        page.fill("#review-form input[name=noticeEnd]", today.minusDays(11).toString());
        page.click("#save-review");
        // four days are too few: the form comes back with the reason and what was typed
        assertThat(page.locator("#review-form")).containsText("公示不少于5天");
        assertThat(page.locator("#review-form input[name=noticePlace]")).hasValue("北街社区公示栏");
        page.fill("#review-form input[name=noticeEnd]", today.minusDays(10).toString());
        page.click("#save-review");
        assertThat(page.locator("#case-stage")).containsText("公示中");
        assertThat(page.locator("#notice-card")).containsText("北街社区公示栏");

        page.fill("#review-form input[name=decidedOn]", today.minusDays(9).toString());
        page.check("#review-form input[name=agreed][value=true]");
        page.click("#save-review");
        assertThat(page.locator("#case-stage")).containsText("待县级审定");
        assertThat(page.locator("#next-step")).hasCount(0);

        // the county office decides
        as(size, "luquan.staff");
        page.navigate(caseUrl);
        page.fill("#review-form input[name=decidedOn]", today.minusDays(8).toString());
        page.check("#review-form input[name=agreed][value=true]");
        page.selectOption("#review-form select[name=kind]", "SUDDEN");
        page.click("#save-review");
        assertThat(page.locator("#case-stage")).containsText("监测帮扶中");
        assertThat(page.locator("#case-kind")).hasText("突发严重困难户");
        assertThat(page.locator("#case-clock")).hasCount(1);
        assertThat(page.locator("#case-clock .clock")).hasCount(0);
        assertThat(page.locator("#reviews")).containsText("村级民主评议");
        assertThat(page.locator("#reviews")).containsText("乡镇审核");
        assertThat(page.locator("#reviews")).containsText("县级审定");

        // the cadre: a plan of two measures
        as(size, "cadre.demo");
        page.navigate(caseUrl);
        addMeasure("MEDICAL", "落实医疗救助和大病保险二次报销", "禄劝县医疗保障局");
        addMeasure("EMPLOYMENT", "为妻子安排公益性岗位", "屏山街道人社中心");
        assertThat(page.locator("#plan .list-group-item")).hasCount(2);
        assertThat(page.locator("#plan")).containsText("医疗保障");
        assertThat(page.locator("#plan")).containsText("就业帮扶");
        // the proof of the first measure: a photo taken on the phone, shown beside it
        Locator firstMeasure = page.locator("#plan .list-group-item").first();
        firstMeasure.locator(".evidence-form input[type=file]").setInputFiles(photo());
        page.waitForNavigation(() -> firstMeasure.locator(".evidence-form button").click());
        assertThat(page.locator("#plan .list-group-item").first().locator("a.evidence-file img")).hasCount(1);
        shot("plan");

        // the county's overdue list no longer holds it
        as(size, "luquan.staff");
        page.navigate(url("/monitor/cases?overdue=true"));
        assertThat(page.locator("body")).not().containsText(name);
        assertThat(fx.get(Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1))).stage()).isEqualTo(Stage.MONITORED);
    }

    private static java.nio.file.Path photo() {
        try {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(200, 120, 40));
            g.fillRect(0, 0, 640, 480);
            g.dispose();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("医疗救助", ".jpg");
            javax.imageio.ImageIO.write(img, "jpg", file.toFile());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void addMeasure(String type, String description, String unit) {
        page.selectOption("#measure-form select[name=type]", type);
        page.fill("#measure-form input[name=description]", description);
        page.fill("#measure-form input[name=responsibleUnit]", unit);
        page.click("#add-measure");
        assertThat(page.locator("#plan")).containsText(description);
    }
}
