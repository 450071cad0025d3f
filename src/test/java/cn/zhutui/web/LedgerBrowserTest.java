package cn.zhutui.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.zhutui.support.BrowserTest;
import cn.zhutui.support.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A member records work on a phone with a photo; the county reviewer returns it with a reason; the
 * member fixes and resubmits; the reviewer approves; the entry shows approved, with its history.
 */
@IntegrationTest
class LedgerBrowserTest extends BrowserTest {

    @Test
    void aMembersEntryGoesFromThePhoneThroughReturnAndFixToApproval() throws Exception {
        String title = "手机记录的销售" + UUID.randomUUID().toString().substring(0, 4);
        Path photo = photo();

        BrowserContext phoneContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setLocale("zh-CN")
                .setGeolocation(new Geolocation(25.5561, 102.4689)).setPermissions(List.of("geolocation")));
        phoneContext.setDefaultTimeout(15_000);
        watch(phoneContext);
        Page phone = phoneContext.newPage();
        login(phone, "member.demo");
        phone.click("#home-quick");
        // a click waits only for the navigation to commit: htmx (a deferred script) must be on the page before the choice
        phone.waitForURL("**/entries/quick**");
        phone.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        phone.selectOption("#taskTypeId", new com.microsoft.playwright.options.SelectOption().setLabel("农产品销售"));
        assertThat(phone.locator("#values")).containsText("销售额");
        phone.fill("#title", title);
        phone.fill("#regionCode-query", "北街社区");
        phone.locator(".rp-option").first().click();
        phone.locator("#values input").nth(0).fill("2");
        phone.locator("#values input").nth(1).fill("3.5");
        phone.setInputFiles("#photo", photo);
        assertThat(phone.locator("#location-note")).isVisible();
        phone.click("#quick-submit");
        assertThat(phone.locator("#entry-title")).hasText(title);
        assertThat(phone.locator("#entry-status")).hasText("待审核");
        assertThat(phone.locator("#evidence img")).hasCount(1);
        assertThat(phone.locator("#entry-values")).containsText("3.5");
        String entryUrl = phone.url();

        Page reviewer = page;
        login(reviewer, "luquan.reviewer");
        reviewer.click("#sidebar >> text=待审核");
        reviewer.click("#review-table >> text=" + title);
        reviewer.fill("#reason", "销售额请按实际金额填写（万元）");
        reviewer.click("#return-entry");
        // opened from the queue, the decision moves on to the next entry waiting
        assertThat(reviewer.locator("#flash")).isVisible();
        reviewer.navigate(entryUrl);
        assertThat(reviewer.locator("#entry-status")).hasText("已退回");

        phone.navigate(entryUrl);
        assertThat(phone.locator("#return-reason")).containsText("销售额请按实际金额填写");
        phone.click("#edit-entry");
        phone.locator("#values input").nth(1).fill("0.35");
        phone.click("#save-submit");
        assertThat(phone.locator("#entry-status")).hasText("待审核");

        reviewer.navigate(url("/entries/review"));
        reviewer.click("#review-table >> text=" + title);
        reviewer.click("#approve-entry");
        assertThat(reviewer.locator("#flash")).isVisible();
        reviewer.navigate(entryUrl);
        assertThat(reviewer.locator("#entry-status")).hasText("已通过");

        phone.navigate(entryUrl);
        assertThat(phone.locator("#entry-status")).hasText("已通过");
        assertThat(phone.locator("#entry-history li")).hasCount(7);
        assertThat(phone.locator("#entry-history")).containsText("提交审核");
        assertThat(phone.locator("#entry-history")).containsText("退回");
        assertThat(phone.locator("#entry-history")).containsText("审核通过");
        assertThat(phone.locator("#entry-history")).containsText("0.35");
        assertThat(phone.locator("#entry-values")).containsText("0.35");
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/LedgerBrowserTest-phone-approved.png")));
        phoneContext.close();
    }

    @Test
    void aReviewerApprovesSeveralAtOnce() {
        login(page, "province.reviewer");
        page.navigate(url("/entries/review?all=true"));
        int rows = page.locator("#review-table tbody input[name=ids]").count();
        org.assertj.core.api.Assertions.assertThat(rows).isGreaterThan(1);
        page.locator("#review-table tbody input[name=ids]").nth(0).check();
        page.locator("#review-table tbody input[name=ids]").nth(1).check();
        page.click("#approve-selected");
        assertThat(page.locator("#flash")).containsText("已通过 2 条");
    }

    private void login(Page p, String username) {
        p.navigate(url("/login"));
        p.fill("#username", username);
        p.fill("#password", DEMO_PASSWORD);
        p.click("#login-submit");
        assertThat(p.locator("h1")).isVisible();
    }

    private static Path photo() throws Exception {
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(60, 140, 60));
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.YELLOW);
        g.fillOval(300, 200, 200, 200);
        g.dispose();
        Path file = Files.createTempFile("现场", ".jpg");
        ImageIO.write(img, "jpg", file.toFile());
        return file;
    }
}
