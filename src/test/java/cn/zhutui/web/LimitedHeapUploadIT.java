package cn.zhutui.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.campaign.CampaignForm;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.ledger.imports.LedgerImportJob;
import cn.zhutui.security.CurrentScope;
import cn.zhutui.support.StandaloneApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A county clerk uploads a 1,000,000-row workbook to the ledger import while the heap is small
 * (failsafe runs this class with -Xmx384m). The file is refused at the row cap with a clear
 * message, the job ends FAILED, and the app keeps answering.
 */
class LimitedHeapUploadIT {

    @Test
    void aMillionRowUploadIsRefusedAndTheAppStaysUp() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with a small heap").isLessThan(512L * 1024 * 1024);
        Path big = millionRows();
        assertThat(Files.size(big)).as("a file of the tester's kind, under the upload limit").isBetween(5L * 1024 * 1024, 20L * 1024 * 1024);
        try (ConfigurableApplicationContext app = StandaloneApp.start()) {
            DataScope admin = app.getBean(CurrentScope.class).ofUsername("admin");
            CampaignForm f = new CampaignForm();
            f.setOrgId(admin.orgId());
            f.setName("大文件测试");
            f.setStartDate(LocalDate.of(2025, 1, 1));
            long campaign = app.getBean(CampaignService.class).instantiate(admin, "SHUANG_ZHUTUI", f);
            long id;
            try (InputStream in = Files.newInputStream(big)) {
                id = app.getBean(LedgerImportJob.class).start(admin, campaign, in, "一百万行.xlsx", false, Locale.SIMPLIFIED_CHINESE);
            }
            JobService jobs = app.getBean(JobService.class);
            Job job = null;
            for (int i = 0; i < 600; i++) {
                job = jobs.get(admin, id);
                if (job.status().finished()) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(jobs.outcome(job, Locale.SIMPLIFIED_CHINESE)).contains("最多 50,000 行");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + StandaloneApp.port(app) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static final String[] CELLS = {"", "2025-03-01", "2025-03-02", "530128001001", "张三", "禄劝县政协", "12", "40", "某合作社", "说明"};

    /** An .xlsx of one sheet, 1,000,000 rows of ten short text cells, written as a stream (inline strings). */
    static Path millionRows() throws IOException {
        Path file = Files.createTempFile("million", ".xlsx");
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="农产品销售" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (int r = 1; r <= 1_000_000; r++) {
                sb.append("<row r=\"").append(r).append("\">");
                for (int c = 0; c < 10; c++) {
                    sb.append("<c t=\"inlineStr\"><is><t>").append(c == 0 ? "销售" + r : CELLS[c]).append("</t></is></c>");
                }
                sb.append("</row>");
                if (sb.length() > 1 << 20) {
                    zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            sb.append("</sheetData></worksheet>");
            zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
