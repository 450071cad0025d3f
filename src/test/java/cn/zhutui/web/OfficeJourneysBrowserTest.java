package cn.zhutui.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.ledger.imports.LedgerImportService;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.support.BrowserTest;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import cn.zhutui.support.Screen;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The five daily journeys, each at phone and at desktop size, by the role who makes it, asserting
 * what the person sees: the workbench, the review queue, the statistics table and its period, an
 * import's errors, the administrator's pages in Chinese. Screenshots go to target/screenshots; the
 * desktop workbench and table also to docs/screenshots for the README.
 */
@IntegrationTest
class OfficeJourneysBrowserTest extends BrowserTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    Scopes scopes;
    @Autowired
    MemberService members;
    @Autowired
    LedgerImportService imports;

    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+");

    // ------------------------------------------------------------------ a member

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aMemberSeesWhatWaitsAndRecordsOnThePhoneForm(Screen size) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        DataScope member = scopes.of("member.demo");
        long self = member.memberId();
        String reason = "请补充销售凭证" + tag;
        long returned = ledger.create(member, fx.sales("退回的销售" + tag, self, "1.5"), EntrySource.WEB, true);
        ledger.returnEntry(scopes.of("luquan.reviewer"), returned, ledger.get(member, returned).version(), reason);
        ledger.create(member, fx.sales("草稿销售" + tag, self, "2"), EntrySource.WEB, false);

        at(size);
        login("member.demo", DEMO_PASSWORD);
        assertThat(page.locator("h1")).hasText("工作台");
        // the workbench: returned entries with the reason, drafts, this quarter's count, and the big button
        assertThat(page.locator("#work-work-returned")).containsText("退回的销售" + tag);
        assertThat(page.locator("#work-work-returned")).containsText(reason);
        assertThat(page.locator("#work-work-drafts .work-count")).not().hasText("0");
        assertThat(page.locator("#work-work-recordedThisQuarter")).containsText("季度我记录的台账");
        assertThat(page.locator("#home-quick")).isVisible();
        assertThat(page.locator("#home-quick")).containsText("记一笔");
        shot("member-workbench");
        if (size == Screen.DESKTOP) {
            // the README's picture of the workbench
            Files.createDirectories(Path.of("docs/screenshots"));
            Files.copy(shot("workbench"), Path.of("docs/screenshots/workbench.png"), StandardCopyOption.REPLACE_EXISTING);
        }

        // every count opens its list
        page.click("#work-work-drafts a.card-body");
        assertThat(page).hasURL(Pattern.compile(".*/entries\\?status=DRAFT&mine=true"));
        assertThat(page.locator("#entry-table")).containsText("草稿销售" + tag);

        // the returned entry's edit form repeats the reason at the top
        page.navigate(url("/entries/" + returned + "/edit"));
        assertThat(page.locator("#return-reason")).containsText(reason);

        // the phone form: a form sent with an error comes back with the photo kept and the error shown
        page.navigate(url("/"));
        page.click("#home-quick");
        page.waitForURL("**/entries/quick**");
        htmxReady();
        page.selectOption("#taskTypeId", new SelectOption().setLabel("农产品销售"));
        assertThat(page.locator("#values")).containsText("销售额");
        page.fill("#regionCode-query", "北街社区");
        page.locator(".rp-option").first().click();
        page.locator("#values input").nth(0).fill("1");
        page.setInputFiles("#photo", photo());
        page.click("#quick-submit");
        assertThat(page.locator("#quick-errors")).containsText("标题");
        assertThat(page.locator("#held-photo")).containsText("已保留");
        assertThat(page.locator("#held-photo img")).isVisible();
        shot("member-phone-form-error");
        page.fill("#title", "手机记一笔" + tag);
        page.click("#quick-submit");
        assertThat(page.locator("#entry-title")).hasText("手机记一笔" + tag);
        assertThat(page.locator("#evidence img")).hasCount(1);
    }

    // ------------------------------------------------------------------ a county reviewer

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aCountyReviewerWorksThroughTheQueue(Screen size) {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        DataScope staff = scopes.of("luquan.staff");
        List<Long> luquan = fx.membersOf(fx.luquan());
        for (int i = 1; i <= 4; i++) {
            var form = fx.sales("待审" + tag + "-" + i, luquan.get(i % luquan.size()), String.valueOf(i));
            form.setOrgId(fx.committee(fx.luquan()));
            ledger.create(staff, form, EntrySource.WEB, true);
        }

        at(size);
        login("luquan.reviewer", DEMO_PASSWORD);
        assertThat(page.locator("#work-work-toReview")).containsText("等我审核");
        assertThat(page.locator("#work-work-toReview .work-count")).not().hasText("0");
        shot("reviewer-workbench");
        page.click("#work-work-toReview a.card-body");
        assertThat(page).hasURL(Pattern.compile(".*/entries/review.*"));

        // narrowed to this test's entries; the filter survives what follows
        page.navigate(url("/entries/review?text=" + tag + "&size=2"));
        assertThat(page.locator("#review-table tbody tr")).hasCount(2);
        // the pager starts at 1
        assertThat(page.locator(".pagination .page-item.active")).hasText("1");
        assertThat(page.locator(".pagination")).containsText("2");

        // open one from the queue, decide, and the next one opens
        String first = page.locator("#review-table tbody tr a").first().textContent().trim();
        page.locator("#review-table tbody tr a").first().click();
        assertThat(page.locator("#entry-title")).hasText(first);
        page.click("#approve-entry");
        // the next waiting entry (the oldest of the queue) opens, ready for a decision
        assertThat(page.locator("#entry-title")).not().hasText(first);
        assertThat(page.locator("#entry-status")).hasText("待审核");
        assertThat(page).hasURL(Pattern.compile(".*from=queue.*"));

        // back to the queue: two returned at once with one reason, the filter kept
        page.navigate(url("/entries/review?text=" + tag));
        assertThat(page.locator("#review-table tbody tr")).hasCount(3);
        page.locator("#review-table tbody input[name=ids]").nth(0).check();
        page.locator("#review-table tbody input[name=ids]").nth(1).check();
        page.fill("#bulk-reason", "请补充照片");
        page.click("#return-selected");
        assertThat(page.locator("#flash")).containsText("2");
        assertThat(page).hasURL(Pattern.compile(".*text=" + tag + ".*"));
        assertThat(page.locator("#review-table tbody tr")).hasCount(1);
        shot("reviewer-queue");
    }

    // ------------------------------------------------------------------ province staff and a leader

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aLeaderLandsOnTheDashboardAndStaffReadTheTable(Screen size) {
        at(size);
        login("leader", DEMO_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/dashboard.*"));
        assertThat(page.locator("#chart-map canvas")).hasCount(1);
        String dashboardPeriod = page.locator("#dashboard-period").textContent().trim();
        // a running period is compared with the same days of the one before, and says so
        assertThat(page.locator("#kpi-before")).containsText("同期");
        // the map fills its card
        double mapWidth = page.locator("#chart-map").boundingBox().width;
        double cardWidth = page.locator("#chart-map").locator("xpath=..").boundingBox().width;
        org.assertj.core.api.Assertions.assertThat(mapWidth).isGreaterThan(cardWidth * 0.85);
        shot("leader-dashboard");

        at(size);
        login("province.staff", DEMO_PASSWORD);
        page.navigate(url("/reports"));
        // the table and the dashboard default to the same period
        assertThat(page.locator("#report-period")).hasText(dashboardPeriod);
        // each choice sends the form (even the campaign already chosen): wait for each page to come
        // back, or the next choice is made on a page about to be replaced
        choose("#campaignId", "双助推行动");
        // each choice sends the form: the next one is made on the page that comes back
        page.waitForNavigation(() -> page.selectOption("#picker-year", "2023"));
        page.waitForNavigation(() -> page.selectOption("#picker-span", "YQ3"));
        assertThat(page.locator("#report-period")).hasText("2023年初至第三季度末");
        if (size.phone()) {
            // one unit at a time, as a list: indicator, value, unit
            assertThat(page.locator("#report-phone")).isVisible();
            assertThat(page.locator("#report-table")).not().isVisible();
            assertThat(page.locator("#report-phone")).containsText("提供技术服务");
            org.assertj.core.api.Assertions.assertThat(page.locator("#report-phone .phone-value").allTextContents())
                    .anyMatch(v -> THOUSANDS.matcher(v).matches());
            page.selectOption("#unit", new SelectOption().setLabel("昆明市政协"));
            assertThat(page.locator("#report-phone")).containsText("昆明市政协");
            shot("staff-table-unit");
        } else {
            // a spreadsheet: label columns as wide as their words, the units scroll sideways
            Locator labels = page.locator("#report-table td.l3");
            org.assertj.core.api.Assertions.assertThat(labels.count()).isGreaterThan(10);
            for (int i = 0; i < labels.count(); i++) {
                Object fits = labels.nth(i).evaluate("c => c.scrollWidth <= c.clientWidth && c.getBoundingClientRect().height < 60");
                org.assertj.core.api.Assertions.assertThat(fits).as("label %s fits on its line", labels.nth(i).textContent()).isEqualTo(true);
            }
            double labelWidth = page.locator("#report-table th.l3").boundingBox().width;
            org.assertj.core.api.Assertions.assertThat(labelWidth).as("indicator column width").isGreaterThan(90);
            org.assertj.core.api.Assertions.assertThat(page.locator("#report-table a.total").allTextContents())
                    .anyMatch(v -> THOUSANDS.matcher(v.trim()).matches());
            // the last column is reached by scrolling the table, not the page
            Object scrolls = page.locator("#report-scroll").evaluate("s => s.scrollWidth > s.clientWidth");
            org.assertj.core.api.Assertions.assertThat(scrolls).isEqualTo(true);
            try {
                Files.createDirectories(Path.of("docs/screenshots"));
                Files.copy(shot("table"), Path.of("docs/screenshots/table.png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        // the printable page: thousands separated, signed off, and no script the CSP refuses
        String printUrl = page.locator("a[href*='/reports/print']").getAttribute("href");
        Page print = context.newPage();
        print.navigate(url(printUrl));
        assertThat(print.locator("#report-table")).isVisible();
        assertThat(print.locator(".sign-off")).containsText("云南省政协");
        org.assertj.core.api.Assertions.assertThat(print.locator("#report-table td.text-end").allTextContents())
                .anyMatch(v -> THOUSANDS.matcher(v.trim()).matches());
        print.close();
        // any range of days
        page.fill("#range-from", "2023-02-01");
        page.fill("#range-to", "2023-04-15");
        page.click("#range-apply");
        assertThat(page.locator("#report-period")).containsText("2023-02-01");
        assertThat(page.locator("#report-period")).containsText("2023-04-15");
    }

    // ------------------------------------------------------------------ a county clerk importing Excel

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aClerkImportsAFileAndReadsItsErrors(Screen size) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        DataScope staff = scopes.of("luquan.staff");
        XSSFWorkbook wb;
        try (var template = imports.template(staff, fx.structure().campaign().id(), Locale.SIMPLIFIED_CHINESE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.write(out);
            wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()));
        }
        var m = members.search(staff, MemberQuery.all(), cn.zhutui.common.PageRequest.of(1, 1)).items().get(0).member();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Sheet sales = wb.getSheet("农产品销售");
        fill(sales, 1, "导入好行" + tag, today, "", "撒营盘镇", m.name() + " [" + m.id() + "]", "", "", "", "", "", "1", "2");
        fill(sales, 2, "导入坏行" + tag, today, "", "禄劝县/不存在镇", m.name() + " [" + m.id() + "]", "", "", "", "", "", "1", "2");
        Path file = Files.createTempFile("台账导入", ".xlsx");
        try (var out = Files.newOutputStream(file)) {
            wb.write(out);
        }

        at(size);
        login("luquan.staff", DEMO_PASSWORD);
        // the clerk's workbench: the unit's deadline and the period's status
        assertThat(page.locator("#workbench")).containsText("截止");
        page.navigate(url("/entries/import"));
        assertThat(page.locator("#submit")).not().isChecked();
        page.setInputFiles("#file", file);
        page.click("#upload");
        assertThat(page.locator("#job-result")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#job-result")).containsText("第3行「地点」：找不到“禄劝县/不存在镇”，请从下拉列表中选择");
        assertThat(page.locator("#job-result")).containsText("文件有 1 处错误（共 2 行）");
        assertThat(page.locator("#job-result")).not().containsText("代码");
        assertThat(page.locator("#job-result")).not().containsText("null");
        assertThat(page.locator("#job-result")).not().containsText("*");
        // a failed check shows as finished, in red
        assertThat(page.locator("#job-progress .progress-bar")).hasClass(Pattern.compile("bg-danger"));
        assertThat(page.locator("#job-progress .progress-bar")).hasText("100%");
        assertThat(page.locator("#error-file")).isVisible();
        shot("clerk-import-errors");

        // the failed import waits on the workbench
        page.navigate(url("/"));
        assertThat(page.locator("#work-work-failedImports")).containsText("台账导入");
    }

    // ------------------------------------------------------------------ an administrator

    @ParameterizedTest
    @EnumSource(Screen.class)
    void anAdministratorReadsEverythingInChinese(Screen size) {
        at(size);
        login("admin", DEMO_PASSWORD);
        page.navigate(url("/admin/audit"));
        Locator log = page.locator("#audit-table tbody");
        assertThat(log.locator("tr").first()).isVisible();
        String text = log.textContent();
        for (String raw : List.of("ledger_entry", "orgId", "regionCode", "SUBMITTED", "APPROVED", " rows", "true", "false", "∅")) {
            org.assertj.core.api.Assertions.assertThat(text).as("the audit log shows no %s", raw).doesNotContain(raw);
        }
        page.selectOption("#audit-entity", new SelectOption().setLabel("台账"));
        page.click("#audit-filter button[type=submit]");
        assertThat(log.locator("tr").first()).containsText("台账");
        shot("admin-audit");

        // the user form finds the member by name
        String name = members.search(scopes.of("admin"), MemberQuery.all(), cn.zhutui.common.PageRequest.of(1, 1)).items().get(0).member().name();
        page.navigate(url("/admin/users/new"));
        htmxReady();
        page.fill("#member-query", name);
        page.locator(".mp-option").first().click();
        assertThat(page.locator(".member-picker .mp-chip")).hasCount(1);
        assertThat(page.locator(".member-picker .mp-chip")).containsText(name);
        assertThat(page.locator("input[name=memberId]")).hasCount(1);
        shot("admin-user-form");

        // the dictionary editor: headers over their inputs, one save for the table
        page.navigate(url("/admin/dicts/sector"));
        assertThat(page.locator("#dict-save")).hasCount(1);
        if (!size.phone()) {
            double header = page.locator("#dict-items thead th").nth(1).boundingBox().x;
            double input = page.locator("#dict-items tbody tr").first().locator("input[name$='.label']").boundingBox().x;
            org.assertj.core.api.Assertions.assertThat(Math.abs(header - input)).as("name header over its inputs").isLessThan(12);
        }
        Locator label = page.locator("#dict-items tbody tr").nth(1).locator("input[name$='.label']");
        String before = label.inputValue();
        label.fill(before + "（改）");
        page.click("#dict-save");
        assertThat(page.locator("#flash")).containsText("已保存");
        assertThat(page.locator("#dict-items tbody tr").nth(1).locator("input[name$='.label']")).hasValue(before + "（改）");
        page.locator("#dict-items tbody tr").nth(1).locator("input[name$='.label']").fill(before);
        page.click("#dict-save");
        assertThat(page.locator("#flash")).containsText("已保存");
        // no button label wraps
        Object wrapped = page.evaluate("() => [...document.querySelectorAll('.btn')].filter(b => b.offsetParent).filter(b => {"
                + " const r = document.createRange(); r.selectNodeContents(b);"
                + " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1; }).map(b => b.textContent.trim())");
        org.assertj.core.api.Assertions.assertThat((List<?>) wrapped).isEmpty();
        shot("admin-dict");
    }

    private static void fill(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static Path photo() throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(60, 140, 60));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        Path file = Files.createTempFile("现场", ".jpg");
        ImageIO.write(img, "jpg", file.toFile());
        return file;
    }
}
