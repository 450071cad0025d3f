package cn.zhutui.pairing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.PeriodType;
import cn.zhutui.support.BrowserTest;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 三联三促 in the browser: a member on a phone opens a paired household, records a visit with a
 * photo and a solved problem, and the county office sees its compliance page change; the same
 * with the network cut — the visit waits on the phone, shown in its queue, and arrives once when
 * the network returns.
 */
@IntegrationTest
class PairingBrowserTest extends BrowserTest {

    @Autowired
    Scopes scopes;
    @Autowired
    VisitService visits;
    @Autowired
    PairingService pairings;

    private BrowserContext phoneContext() {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setLocale("zh-CN")
                .setGeolocation(new Geolocation(25.5561, 102.4689)).setPermissions(List.of("geolocation")));
        ctx.setDefaultTimeout(15_000);
        watch(ctx);
        return ctx;
    }

    private void login(Page p, String username) {
        p.navigate(url("/login"));
        p.fill("#username", username);
        p.fill("#password", DEMO_PASSWORD);
        p.click("#login-submit");
        assertThat(p.locator("h1").first()).isVisible();
    }

    /** The first household of the member's list not yet visited this quarter. */
    private Locator unvisited(Page phone) {
        return phone.locator("#my-pairings .list-group-item").filter(new Locator.FilterOptions().setHasText("本季度未走访")).first();
    }

    private long visitsOfMember() {
        return pairings.mine(scopes.of("member.demo")).stream()
                .mapToLong(r -> visits.visitsByPeriod(scopes.of("member.demo"), r.pairing().id(), PeriodType.QUARTER).values().stream()
                        .mapToLong(Long::longValue).sum()).sum();
    }

    @Test
    void aMemberRecordsAVisitWithAPhotoOnThePhoneAndTheCountySeesItsCompliancePageChange() throws Exception {
        // the county office's compliance page, before
        login(page, "luquan.staff");
        page.navigate(url("/pairings/compliance"));
        int notVisited = Integer.parseInt(page.locator("#sum-not-visited").textContent().trim());
        assertThat(notVisited).isPositive();

        BrowserContext ctx = phoneContext();
        Page phone = ctx.newPage();
        login(phone, "member.demo");
        phone.click("button[data-bs-target='#sidebar']");
        phone.click("#nav-my-pairings");
        phone.waitForURL("**/field/");
        Locator household = unvisited(phone);
        String name = household.locator("a.fw-bold").textContent().trim();
        household.locator("a.fw-bold").click();
        assertThat(phone.locator("#target-name")).hasText(name);
        assertThat(phone.locator("#household-card")).containsText("**********");
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/PairingBrowserTest-phone-household.png")));
        phone.click("#record-visit");
        phone.waitForURL("**/field/visit**");
        phone.waitForFunction("() => document.readyState === 'complete'");
        assertThat(phone.locator("#pairingId option:checked")).containsText(name);
        phone.fill("#problemsFound", "2");
        phone.fill("#problemsSolved", "1");
        phone.fill("#notes", "协调解决了饮水管道破损问题，还需跟进产业项目");
        phone.setInputFiles("#photos", photo());
        assertThat(phone.locator("#location-note")).isVisible();
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/PairingBrowserTest-phone-form.png")));
        phone.click("#save-visit");
        assertThat(phone.locator("#save-status")).containsText("走访已发送");
        phone.click("#sent-visit");
        assertThat(phone.locator("#visit-title")).containsText(name);
        assertThat(phone.locator("#visit-solved")).hasText("1");
        assertThat(phone.locator("#visit-photos img")).hasCount(1);
        assertThat(phone.locator("#visit-recorded")).containsText("25.556100");
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/PairingBrowserTest-phone-visit.png")));
        ctx.close();

        // the county office sees one pairing fewer behind
        page.navigate(url("/pairings/compliance"));
        assertThat(page.locator("#sum-not-visited")).hasText(String.valueOf(notVisited - 1));
        assertThat(page.locator("#compliance-behind")).not().containsText(name + "本季度未走访");
    }

    @Test
    void aVisitRecordedWithoutSignalWaitsOnThePhoneAndArrivesOnceWhenTheNetworkReturns() throws Exception {
        BrowserContext ctx = phoneContext();
        Page phone = ctx.newPage();
        login(phone, "member.demo");
        phone.navigate(url("/field/"));
        // installed: the service worker controls the phone pages
        phone.waitForFunction("() => navigator.serviceWorker && navigator.serviceWorker.ready.then(() => true)");
        phone.reload();
        phone.waitForFunction("() => navigator.serviceWorker.controller !== null");
        Locator household = unvisited(phone);
        String name = household.locator("a.fw-bold").textContent().trim();
        household.locator("a.btn").click();
        phone.waitForURL("**/field/visit**");
        phone.waitForFunction("() => document.readyState === 'complete'");
        long before = visitsOfMember();

        ctx.setOffline(true);
        // the form opens without signal (the service worker's copy)
        phone.reload();
        assertThat(phone.locator("#visit-form")).isVisible();
        assertThat(phone.locator("#net-status")).containsText("无网络");
        phone.selectOption("#pairingId", new com.microsoft.playwright.options.SelectOption().setLabel(
                phone.locator("#pairingId option").filter(new Locator.FilterOptions().setHasText(name)).first().textContent()));
        phone.fill("#problemsFound", "1");
        phone.fill("#problemsSolved", "1");
        phone.fill("#notes", "山里没有信号，回村委会后再发送");
        phone.setInputFiles("#photos", photo());
        phone.click("#save-visit");
        assertThat(phone.locator("#save-status")).containsText("已保存在手机上");
        assertThat(phone.locator("#queue-count")).hasText("1");
        assertThat(phone.locator("#visit-queue")).containsText(name);
        assertThat(phone.locator("#visit-queue")).containsText("1张照片");
        assertThat(phone.locator("#visit-queue")).containsText("等待发送");
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/PairingBrowserTest-phone-offline-queue.png")));
        Thread.sleep(1500);
        assertThat(visitsOfMember()).isEqualTo(before);

        // the network returns: the queue is sent, once
        ctx.setOffline(false);
        assertThat(phone.locator("#queue-card")).isHidden();
        assertThat(visitsOfMember()).isEqualTo(before + 1);
        // a reload and the periodic sync send nothing twice
        phone.reload();
        phone.waitForFunction("() => document.readyState === 'complete'");
        Thread.sleep(1500);
        assertThat(phone.locator("#queue-card")).isHidden();
        assertThat(visitsOfMember()).isEqualTo(before + 1);
        VisitView v = visits.search(scopes.of("member.demo"), VisitQuery.all(), cn.zhutui.common.PageRequest.of(1, 100)).items().stream()
                .filter(x -> "山里没有信号，回村委会后再发送".equals(x.visit().notes())).reduce((a, b) -> {
                    throw new AssertionError("recorded twice");
                }).orElseThrow();
        assertThat(v.visit().source()).isEqualTo(VisitSource.OFFLINE);
        assertThat(v.visit().recordedAt()).isNotNull().isBefore(v.visit().createdAt());
        assertThat(v.visit().latitude()).isNotNull();
        assertThat(v.photos()).hasSize(1);
        assertThat(v.pairing().targetName()).isEqualTo(name);
        ctx.close();
    }

    @Test
    void theCountyOfficeRegistersAHouseholdPairsAMemberShortOfOnePlusOneAndTicksADutyWithItsVisit() {
        login(page, "luquan.staff");
        // a member short of 1+1: paired with a 脱贫户, not yet with a 示范户
        page.navigate(url("/pairings/one-plus-one"));
        Locator shortOfModel = page.locator("#one-plus-one-table tbody tr:has(td:nth-child(3) .bg-success):has(td:nth-child(4) .bg-danger)");
        String member = shortOfModel.first().locator("td a").first().textContent().trim();

        // register a household (the ID number masked on its page, revealed with a click)
        page.navigate(url("/households/new"));
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        page.fill("#regionCode-query", PairingFixtures.VILLAGE);
        page.locator(".rp-option").filter(new Locator.FilterOptions().setHasText("北街社区")).first().click();
        String head = "桌面" + java.util.UUID.randomUUID().toString().substring(0, 3);
        String id = cn.zhutui.household.TestIds.luquan();
        page.fill("#headName", head);
        page.fill("#headIdNumber", id);
        page.check("#tag-SHIFAN");
        page.fill("#phone", "13698765432");
        page.click("#save-household");
        assertThat(page.locator("#household-head")).hasText(head);
        assertThat(page.locator("#head-id")).hasText(id.substring(0, 4) + "**********" + id.substring(14));
        page.click("#reveal-id");
        assertThat(page.locator("#head-id")).hasText(id);

        // pair the member with it
        page.click("#pair-household");
        page.waitForURL("**/pairings/new**");
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        assertThat(page.locator("#household-query")).hasValue(java.util.regex.Pattern.compile(head + ".*"));
        page.fill("#member-query", member);
        page.locator(".mp-option").filter(new Locator.FilterOptions().setHasText(member)).first().click();
        page.click("#save-pairing");
        assertThat(page.locator("#pairing-helper")).hasText(member);
        assertThat(page.locator("#pairing-target")).hasText(head);

        // record a visit from the desktop, then tick 培养1个明白人 with it as the evidence
        page.click("#record-visit");
        page.waitForURL("**/field/visit**");
        page.waitForFunction("() => document.readyState === 'complete'");
        page.fill("#problemsFound", "1");
        page.fill("#problemsSolved", "1");
        page.click("#save-visit");
        assertThat(page.locator("#save-status")).containsText("走访已发送");
        page.click("#sent-visit");
        page.click("nav .breadcrumb-item:nth-child(2) a");
        assertThat(page.locator("#duty-list")).containsText("培养1个明白人");
        page.selectOption("#tick-form select[name=itemId]", new com.microsoft.playwright.options.SelectOption().setLabel("培养1个明白人"));
        page.click("#tick-duty");
        assertThat(page.locator("#action-error")).containsText("请提供佐证");
        page.selectOption("#tick-form select[name=itemId]", new com.microsoft.playwright.options.SelectOption().setLabel("培养1个明白人"));
        page.selectOption("#tick-form select[name=evidence]", "VISIT");
        page.selectOption("#tick-form select[name=visitId]", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.click("#tick-duty");
        assertThat(page.locator("#duty-list li").filter(new Locator.FilterOptions().setHasText("培养1个明白人"))).containsText("已完成");
        assertThat(page.locator("#duty-list li").filter(new Locator.FilterOptions().setHasText("入户开展1次调研"))).containsText("已完成");
        assertThat(page.locator("#pairing-history")).containsText("职责完成（附佐证）");

        // with a 示范户 as well, the member meets 1+1 and leaves the list
        page.navigate(url("/pairings/one-plus-one"));
        assertThat(page.locator("#one-plus-one-table tbody tr").filter(new Locator.FilterOptions().setHasText(member))).hasCount(0);
    }

    private static Path photo() throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 130, 70));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillRect(200, 150, 240, 180);
        g.dispose();
        Path file = Files.createTempFile("走访", ".jpg");
        ImageIO.write(img, "jpg", file.toFile());
        return file;
    }
}
