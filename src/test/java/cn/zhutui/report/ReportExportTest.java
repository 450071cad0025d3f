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
            assertThat(text(sheet.getRow(2))).startsWith("助推方向", "实事", "指标", "单位", "合计", "其中");
            assertThat(text(sheet.getRow(3))).contains("昆明市政协", "楚雄彝族自治州政协");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, sheet.getRow(2).getLastCellNum() - 1));
            assertThat(sheet.getMergedRegions()).anySatisfy(r -> {
                assertThat(r.getFirstRow()).isEqualTo(2);
                assertThat(r.getFirstColumn()).isEqualTo(5);
                assertThat(r.getLastColumn()).isEqualTo(5 + 15);
            });
            Row events = findRow(sheet, "销售活动");
            assertThat(events.getCell(3).getStringCellValue()).isEqualTo("次");
            assertThat(events.getCell(4).getNumericCellValue()).isEqualTo(11.0);
            int kunming = text(sheet.getRow(3)).indexOf("昆明市政协");
            assertThat(events.getCell(kunming).getNumericCellValue()).isEqualTo(10.0);
            assertThat(findRow(sheet, "销售额").getCell(4).getNumericCellValue()).isEqualTo(35.75);
            assertThat(findRow(sheet, "台账条数").getCell(4).getNumericCellValue()).isEqualTo(4.0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
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
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("实事");
            assertThat(table.getRow(0).getCell(3).getText()).isEqualTo("合计");
            assertThat(table.getRows()).anySatisfy(r -> {
                assertThat(r.getCell(1).getText()).isEqualTo("销售额");
                assertThat(r.getCell(3).getText()).isEqualTo("15.75");
            });
        }
        cn.zhutui.support.Pdf pdf = opensInLibreOffice(file, "docx");
        assertThat(pdf.pages()).isEqualTo(4);
        assertThat(pdf.compact()).contains("统计测试行动2024年第一季度工作情况", "共录入台账3条", "销售额15.75万元");
    }

    @Test
    void thePrintableTableOpens() throws Exception {
        String html = mvc.perform(get("/reports/print?campaignId=" + data.campaignId + "&periodId=2024")
                        .with(user(users.loadUserByUsername("province.staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("统计测试行动统计表", "window.print()", "2024年");
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
