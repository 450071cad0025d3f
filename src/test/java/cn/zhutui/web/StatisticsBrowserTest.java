package cn.zhutui.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.zhutui.support.BrowserTest;
import cn.zhutui.support.IntegrationTest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@IntegrationTest
class StatisticsBrowserTest extends BrowserTest {

    @Test
    void theDashboardDrawsItsChartsAndTheCountyMap() {
        login("province.staff", DEMO_PASSWORD);
        page.click("#sidebar >> text=仪表盘");
        choose("#dashboard-form select[name=campaignId]", "双助推行动");
        assertThat(page.locator("#dashboard-title")).containsText("云南省政协 · 双助推行动");
        assertThat(page.locator("#chart-trend canvas")).hasCount(1);
        assertThat(page.locator("#chart-areas canvas")).hasCount(1);
        assertThat(page.locator("#chart-map")).hasAttribute("data-counties", "129");
        assertThat(page.locator("#chart-map canvas")).hasCount(1);
        assertThat(page.locator("#top-units li")).hasCount(5);
        assertThat(page.locator("#kpi-entries")).not().hasText("0");
        // the map can colour by any indicator
        page.selectOption("#map-indicator", new com.microsoft.playwright.options.SelectOption().setIndex(3));
        assertThat(page.locator("#chart-map")).hasAttribute("data-counties", "129");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots/StatisticsBrowserTest-dashboard.png")));
    }

    @Test
    void aProvinceFigureOpensDownToTheEntriesBehindIt() {
        login("province.staff", DEMO_PASSWORD);
        page.navigate(url("/reports?periodId=2022"));
        choose("#campaignId", "双助推行动");
        assertThat(page.locator("#report-title")).hasText("双助推行动统计表");
        assertThat(page.locator("#report-period")).hasText("2022年");
        String provinceTotal = page.locator("#report-table tbody tr").first().locator("a.total").textContent();
        org.assertj.core.api.Assertions.assertThat(provinceTotal).isNotEqualTo("0");
        // the province's figure for Kunming opens Kunming's table
        cellWithFigure("昆明市政协").click();
        assertThat(page.locator("#report-lineage")).containsText("昆明市政协");
        assertThat(page.locator("#report-table thead")).containsText("禄劝彝族苗族自治县政协");
        // Kunming's figure for Luquan (a county, nothing below it) opens the entries behind it
        cellWithFigure("禄劝彝族苗族自治县政协").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/entries\\?.*from=2022-01-01.*"));
        assertThat(page.locator("#period-chip")).containsText("2022年");
        assertThat(page.locator("#back-to-report")).isVisible();
        assertThat(page.locator("#entry-table tbody tr").first()).containsText("已通过");
        assertThat(page.locator("#entry-table tbody")).containsText("禄劝彝族苗族自治县");
        assertThat(page.locator("#entry-table tbody")).not().containsText("武定县");
    }

    /** The first non-zero figure in the column of a unit. */
    private Locator cellWithFigure(String unit) {
        Locator headers = page.locator("#report-table thead tr").nth(1).locator("th");
        int column = -1;
        for (int i = 0; i < headers.count(); i++) {
            if (headers.nth(i).textContent().trim().equals(unit)) {
                column = i;
            }
        }
        org.assertj.core.api.Assertions.assertThat(column).as("column of " + unit).isNotNegative();
        Locator rows = page.locator("#report-table tbody tr");
        for (int r = 0; r < rows.count(); r++) {
            Locator cells = rows.nth(r).locator("a.cell");
            if (cells.count() > column && !cells.nth(column).textContent().trim().equals("0")) {
                return cells.nth(column);
            }
        }
        throw new AssertionError("no figure for " + unit);
    }

    @Test
    void theTableDownloadsAsExcel() throws Exception {
        login("province.staff", DEMO_PASSWORD);
        page.navigate(url("/reports?periodId=2023Q3YTD"));
        choose("#campaignId", "双助推行动");
        assertThat(page.locator("#report-title")).hasText("双助推行动统计表");
        Download download = page.waitForDownload(() -> page.click("#download-xlsx"));
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".xlsx").contains("统计表");
        Path file = Files.createTempFile("table", ".xlsx");
        download.saveAs(file);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            org.assertj.core.api.Assertions.assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("双助推行动统计表");
            org.assertj.core.api.Assertions.assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).contains("2023年初至第三季度末");
        }
        Download docx = page.waitForDownload(() -> page.click("#download-docx"));
        org.assertj.core.api.Assertions.assertThat(docx.suggestedFilename()).endsWith(".docx");
    }
}
