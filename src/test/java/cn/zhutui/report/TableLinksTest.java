package cn.zhutui.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.ReportPeriod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the statistics table's figures lead: a unit with units below opens its table, any other figure its entries. */
class TableLinksTest {

    final StatisticsTable.Row sales = new StatisticsTable.Row("7", "产业", "农产品销售", 3L, "销售额", "万元", false, 1,
            new BigDecimal("1234.5"), Map.of(11L, new BigDecimal("1000"), 12L, new BigDecimal("234.5")), null, Map.of(), null, null);

    StatisticsTable table(boolean submitted) {
        return new StatisticsTable("双助推行动", 1, 10, "昆明市政协", ReportPeriod.parse("2025Q3"), "2025年第三季度", submitted, "",
                List.of(new StatisticsTable.Column(10, "本级", true, false), new StatisticsTable.Column(11, "禄劝", false, false),
                        new StatisticsTable.Column(12, "盘龙", false, true)),
                List.of(sales), List.of(), null);
    }

    @Test
    void eachFigureOpensTheEntriesBehindItOrTheUnitsTable() {
        TableLinks.RowLinks row = TableLinks.of(table(false), new ReportRequest(1, 10, ReportPeriod.parse("2025Q3"), false, "530128001", null), "/zt")
                .get(0);
        String entries = "&taskTypeId=3&from=2025-07-01&to=2025-09-30&counted=APPROVED&regionCode=530128001&reportOrg=10&reportPeriod=2025Q3";
        assertThat(row.totalHref()).isEqualTo("/zt/entries?campaignId=1&orgId=10" + entries);
        assertThat(row.cells()).extracting(TableLinks.Cell::href).containsExactly(
                "/zt/entries?campaignId=1&unitOrgId=10" + entries,
                "/zt/entries?campaignId=1&orgId=11" + entries,
                "/zt/reports?campaignId=1&orgId=12&periodId=2025Q3&submitted=false&regionCode=530128001");
        assertThat(row.cells()).extracting(TableLinks.Cell::text).containsExactly("0.0", "1,000.0", "234.5");
        assertThat(row.cells()).extracting(TableLinks.Cell::orgId).containsExactly(10L, 11L, 12L);
    }

    @Test
    void submittedEntriesCountInTheLinksAndAFilterIsEncoded() {
        TableLinks.RowLinks row = TableLinks.of(table(true), new ReportRequest(1, 10, ReportPeriod.parse("2025Q3"), true, null, "脱贫县"), "")
                .get(0);
        assertThat(row.totalHref()).contains("counted=APPROVED_AND_SUBMITTED").contains("&tag=%E8%84%B1%E8%B4%AB%E5%8E%BF")
                .doesNotContain("regionCode");
        assertThat(row.cells().get(2).href()).isEqualTo("/reports?campaignId=1&orgId=12&periodId=2025Q3&submitted=true&tag=%E8%84%B1%E8%B4%AB%E5%8E%BF");
    }

    @Test
    void theCellsAreWrittenEscapedWithTheirLinks() {
        TableLinks.RowLinks row = TableLinks.of(table(false), new ReportRequest(1, 10, ReportPeriod.parse("2025Q3"), false, "53\"><script>", null), "")
                .get(0);
        String html = row.cellsHtml();
        assertThat(html).startsWith("<td class=\"num\"><a class=\"cell\" data-org=\"10\" href=\"/entries?campaignId=1&amp;unitOrgId=10&amp;taskTypeId=3")
                .contains(">1,000.0</a></td>").endsWith("&amp;regionCode=53%22%3E%3Cscript%3E\">234.5</a></td>")
                .doesNotContain("<script>");
        assertThat(html.split("<td ", -1)).hasSize(4);
    }
}
