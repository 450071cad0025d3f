package cn.zhutui.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The exports as a user downloads them, opened back: titles, headers and numbers; LibreOffice opens them too. */
@IntegrationTest
class ReportExportTest {

    @Autowired
    StatsDataset data;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void data() {
        data.ensure();
    }

    byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername("province.staff"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theExcelTableIsLaidOutLikeAGovernmentTable() throws Exception {
        byte[] file = download("/reports/table.xlsx?campaignId=" + data.campaignId + "&periodId=2024Q2YTD");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheet("统计表");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统计测试行动统计表");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("云南省政协", "2024年初至第二季度末");
            // no targets set: no 目标 and 完成率 columns; the comparisons follow the total, then the units
            assertThat(text(sheet.getRow(2))).startsWith("助推方向", "实事", "指标", "单位", "合计", "同比", "环比", "其中")
                    .doesNotContain("目标", "完成率");
            assertThat(text(sheet.getRow(3))).contains("昆明市政协", "楚雄彝族自治州政协");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, sheet.getRow(2).getLastCellNum() - 1));
            assertThat(sheet.getMergedRegions()).anySatisfy(r -> {
                assertThat(r.getFirstRow()).isEqualTo(2);
                assertThat(r.getFirstColumn()).isEqualTo(7);
                assertThat(r.getLastColumn()).isEqualTo(7 + 15);
            });
            Row events = findRow(sheet, "销售活动");
            assertThat(events.getCell(3).getStringCellValue()).isEqualTo("次");
            assertThat(events.getCell(4).getNumericCellValue()).isEqualTo(11.0);
            int kunming = text(sheet.getRow(3)).indexOf("昆明市政协");
            assertThat(events.getCell(kunming).getNumericCellValue()).isEqualTo(10.0);
            assertThat(findRow(sheet, "销售额").getCell(4).getNumericCellValue()).isEqualTo(35.75);
            assertThat(findRow(sheet, "台账条数").getCell(4).getNumericCellValue()).isEqualTo(4.0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            // printed one page wide, the title and header rows on every page
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:4"));
            // numbers typed, with the indicator's decimal places; the date typed as a date
            assertThat(findRow(sheet, "销售额").getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(events.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            org.apache.poi.ss.usermodel.Cell made = sheet.getRow(1).getCell(sheet.getRow(1).getLastCellNum() - 1);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(made)).isTrue();
            // the indicator column as wide as its longest name (two width units a Chinese character)
            assertThat(sheet.getColumnWidth(2) / 256).isGreaterThanOrEqualTo("领办创办协办产业项目".length() * 2);
        }
        cn.zhutui.support.Pdf pdf = opensInLibreOffice(file, "xlsx");
        assertThat(pdf.pages()).as("fits one landscape page").isEqualTo(1);
        assertThat(pdf.compact()).contains("销售活动", "35.75", "昆明市政协");
    }

    @Test
    void theWordSummaryHasTitleFiguresTableAndFollowUps() throws Exception {
        byte[] file = download("/reports/summary.docx?campaignId=" + data.campaignId + "&periodId=2024Q1");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("统计测试行动2024年第一季度工作情况");
            assertThat(paragraphs).anyMatch(p -> p.contains("共录入台账3条") && p.contains("销售活动6次") && p.contains("销售额15.75万元"));
            assertThat(paragraphs).contains("一、总体情况", "二、统计表", "三、表现突出的委员和单位", "四、需要督促的单位");
            assertThat(paragraphs).anyMatch(p -> p.startsWith("台账较多的单位：昆明市政协（2）"));
            assertThat(paragraphs).anyMatch(p -> p.startsWith("台账较少的单位："));
            assertThat(paragraphs).anyMatch(p -> p.startsWith("2024年第一季度报送情况："));
            // signed off by the org, dated in Beijing
            assertThat(paragraphs).containsSubsequence("云南省政协", today());
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("实事");
            assertThat(table.getRow(0).getCell(3).getText()).isEqualTo("合计");
            assertThat(table.getRow(0).isRepeatHeader()).as("header repeated on every page").isTrue();
            assertThat(table.getRows()).allSatisfy(r -> assertThat(r.isCantSplitRow()).isTrue());
            assertThat(table.getRows()).anySatisfy(r -> {
                assertThat(r.getCell(1).getText()).isEqualTo("销售额");
                assertThat(r.getCell(3).getText()).isEqualTo("15.75");
            });
            // each indicator's own decimal places: amounts with two, counts with none
            assertThat(table.getRows()).anySatisfy(r -> {
                assertThat(r.getCell(1).getText()).isEqualTo("投入资金");
                assertThat(r.getCell(3).getText()).isEqualTo("0.00");
            });
            // the units in tables of at most eight, each with the labels and the total
            List<XWPFTable> byUnit = doc.getTables().subList(1, doc.getTables().size());
            assertThat(byUnit).hasSize(2).allSatisfy(t -> assertThat(t.getRow(0).getTableCells()).hasSizeLessThanOrEqualTo(4 + 8));
            assertThat(byUnit.get(0).getRow(0).getCell(4).getText()).isEqualTo("昆明市政协");
            // the government fonts, each with the one Word takes where it is missing
            String fontTable = new String(doc.getPackage().getPart(org.apache.poi.openxml4j.opc.PackagingURIHelper
                    .createPartName("/word/fontTable.xml")).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(fontTable).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"", "w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"");
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("方正小标宋简体");
        }
        cn.zhutui.support.Pdf pdf = opensInLibreOffice(file, "docx");
        // two portrait pages of text, then the attached tables on landscape pages
        assertThat(pdf.pages()).isEqualTo(6);
        assertThat(pdf.compact()).contains("统计测试行动2024年第一季度工作情况", "共录入台账3条", "销售额15.75万元");
        assertThat(pdf.page(1).replaceAll("\\s", "")).contains("—1—");
        assertThat(pdf.page(2).replaceAll("\\s", "")).contains("云南省政协", "—2—");
        for (int page = 3; page <= 6; page++) {
            // the header on every table page; no figure broken over two lines
            assertThat(pdf.page(page)).contains("实事", "指标", "合计");
        }
        assertThat(pdf.words()).contains(" 15.75 ", " 14.75 ", " +96.9% ");
    }

    private String today() {
        java.time.LocalDate d = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    @Test
    void thePrintableTableOpens() throws Exception {
        String html = mvc.perform(get("/reports/print?campaignId=" + data.campaignId + "&periodId=2024")
                        .with(user(users.loadUserByUsername("province.staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("统计测试行动统计表", "/js/print.js", "2024年", "云南省政协", today()).doesNotContain("onload=");
    }

    private static Row findRow(Sheet sheet, String name) {
        for (Row r : sheet) {
            if (r.getCell(2) != null && r.getCell(2).getStringCellValue().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row " + name);
    }

    private static List<String> text(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.getStringCellValue()));
        return cells;
    }

    private static cn.zhutui.support.Pdf opensInLibreOffice(byte[] file, String ext) throws Exception {
        cn.zhutui.support.Pdf pdf = cn.zhutui.support.Pdf.of(file, ext);
        assertThat(pdf.pages()).isPositive();
        assertThat(pdf.text()).contains("统计测试行动");
        return pdf;
    }
}
