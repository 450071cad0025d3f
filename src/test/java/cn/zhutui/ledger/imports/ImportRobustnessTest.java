package cn.zhutui.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.notify.NotificationService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Files people really upload: a CSV of the template's columns, a header alone, random bytes
 * renamed .csv, a broken quote, a gzip, too many rows, hundreds of errors. Each gets a clear
 * answer in Chinese; none a server error; the owner is told how the job ended.
 */
@IntegrationTest
class ImportRobustnessTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    LedgerImportJob importJob;
    @Autowired
    JobService jobs;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    MemberService members;
    @Autowired
    NotificationService notifications;
    @Autowired
    Scopes scopes;

    DataScope staff() {
        return scopes.of("luquan.staff");
    }

    Job run(byte[] file, String name) throws InterruptedException {
        long id = importJob.start(staff(), fx.structure().campaign().id(), new ByteArrayInputStream(file), name, false, ZH);
        return cn.zhutui.support.Jobs.await(jobs, staff(), id, 120);
    }

    String member() {
        var m = members.search(staff(), MemberQuery.all(), PageRequest.of(1, 1)).items().get(0).member();
        return m.name() + " [" + m.id() + "]";
    }

    static final String HEADER = "标题*,开始日期*,结束日期,地点*,委员*,填报单位,受益户数,受益人数,合作企业,情况说明,销售活动（次）,销售额（万元）";

    @Test
    void aUtf8CsvWithTheTemplatesColumnsImports() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String csv = "\uFEFF" + HEADER + "\n" + "CSV导入" + tag + "," + today + ",,530128001001,\"" + member() + "\",,,,,,2,4.5\n";
        Job job = run(csv.getBytes(StandardCharsets.UTF_8), "台账.csv");
        assertThat(job.status()).as("%s", jobs.result(job)).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.result(job)).containsEntry("imported", 1);
        assertThat(ledger.search(staff(), new LedgerQuery(null, null, null, null, null, null, null, false, tag, null), PageRequest.of(1, 5)).total())
                .isEqualTo(1);
    }

    @Test
    void aHeaderWithoutRowsIsAnError() throws Exception {
        Job job = run((HEADER + "\n").getBytes(StandardCharsets.UTF_8), "空表.csv");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.message()).isEqualTo("import.noRows");
        assertThat(jobs.outcome(job, ZH)).isEqualTo("文件里只有表头，没有数据行");
    }

    @Test
    void filesThatAreNoTablesAreUnreadableWithTheReason() throws Exception {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Job bytes = run(random, "随机.csv");
        assertThat(bytes.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.outcome(bytes, ZH)).startsWith("无法读取文件：").contains("不是表格");

        Job quote = run((HEADER + "\n\"未闭合的引号,2025-01-01\n下一行,2025-01-02\n").getBytes(StandardCharsets.UTF_8), "引号.csv");
        assertThat(quote.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.outcome(quote, ZH)).startsWith("无法读取文件：").contains("引号");

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(random);
        }
        Job gzip = run(gz.toByteArray(), "压缩的.csv");
        assertThat(gzip.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.outcome(gzip, ZH)).startsWith("无法读取文件：");
        // the owner hears of each, in the one notification list
        assertThat(notifications.list(staff(), true, PageRequest.of(1, 20)).items())
                .anyMatch(n -> n.messageCode().equals("notify.jobFailed") && n.args().get(1).startsWith("无法读取文件"));
    }

    @Test
    void aGzippedCsvIsReadAsTheTableInside() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String csv = HEADER + "\n" + "压缩导入" + tag + "," + today + ",,530128001001,\"" + member() + "\",,,,,,1,1\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Job job = run(gz.toByteArray(), "台账.csv.gz");
        assertThat(job.status()).as("%s", jobs.result(job)).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void moreRowsThanTheCapAreRefusedWithTheLimit() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 50_001; i++) {
            csv.append("行").append(i).append(",2025-01-01,,530128001001,张三,,,,,,1,1\n");
        }
        Job job = run(csv.toString().getBytes(StandardCharsets.UTF_8), "太多.csv");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.outcome(job, ZH)).contains("50,000");
    }

    @Test
    void hundredsOfErrorsAreListedUpToFiveHundredWithTheTotal() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 600; i++) {
            csv.append("坏行").append(i).append(",不是日期,,530128001001,\"").append(member()).append("\",,,,,,1,1\n");
        }
        Job job = run(csv.toString().getBytes(StandardCharsets.UTF_8), "很多错.csv");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.result(job)).as("one error per bad cell").containsEntry("errors", 600);
        assertThat((List<?>) jobs.result(job).get("firstErrors")).hasSize(500)
                .first().asString().startsWith("第2行「开始日期」：");
        assertThat(job.resultFileId()).isNotNull();
    }
}
