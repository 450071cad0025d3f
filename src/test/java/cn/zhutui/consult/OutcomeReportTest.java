package cn.zhutui.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Pdf;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outcome report (协商成果建议书) of the demo's land-rent meeting, as a .docx in the GB/T 9704
 * layout and as a print page: opened back, converted to PDF by LibreOffice and read; each copy audited.
 */
@IntegrationTest
class OutcomeReportTest {

    static final String TITLE = "关于解决三蒙村花卉基地土地流转租金拖欠问题的协商成果建议书";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Scopes scopes;
    @Autowired
    TopicService topics;
    @Autowired
    MeetingService meetings;
    @Autowired
    JdbcClient jdbc;

    long rentMeeting() {
        DataScope office = scopes.of("luquan.staff");
        long topic = topics.search(office, new TopicQuery(null, null, null, null, null, "三蒙村花卉基地土地流转租金", null, null, null, null),
                PageRequest.of(1, 1)).items().get(0).topic().id();
        return meetings.search(office, new MeetingQuery(null, null, topic, null, null, null, null, null, null), PageRequest.of(1, 1))
                .items().get(0).meeting().id();
    }

    @Test
    void theDocxIsAGovernmentDocumentAndPrintsWithLibreOffice() throws Exception {
        long meeting = rentMeeting();
        long audits = exports(meeting);
        byte[] file = mvc.perform(get("/consult/meetings/" + meeting + "/report.docx").with(user(users.loadUserByUsername("luquan.staff"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(exports(meeting)).isEqualTo(audits + 1);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/OutcomeReport.docx"), file);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("禄劝彝族苗族自治县政协“协商在基层”工作");
            assertThat(paragraphs).contains(TITLE, "云岭花卉种植专业合作社、撒营盘镇农业农村服务中心、三蒙村委会：",
                    "一、协商议题", "二、协商共识", "三、协商成果建议", "四、办理要求", "禄劝彝族苗族自治县政协");
            assertThat(paragraphs).anyMatch(p -> p.startsWith("（一）合作社在3个月内分两期付清拖欠的土地流转租金和灌溉水费。责任单位：云岭花卉种植专业合作社；办理时限："));
            assertThat(paragraphs).anyMatch(p -> p.contains("会议由政协委员") && p.contains("村（居）民代表2名") && p.contains("应到9人，实到8人"));
            assertThat(paragraphs.get(paragraphs.size() - 1)).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
            // the title in 小标宋 二号, the body in 仿宋_GB2312 三号, headings in 黑体, items in 楷体
            XWPFRun title = run(doc, TITLE);
            assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
            XWPFRun body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("请各责任单位")).findFirst().orElseThrow().getRuns().get(0);
            assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(run(doc, "一、协商议题").getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(doc.getParagraphs().stream().filter(p -> p.getText().startsWith("（一）")).findFirst().orElseThrow().getRuns().get(0)
                    .getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("楷体_GB2312");
            // A4, margins 37/35/28/26 mm, page numbers in the odd and even footers
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(2098));
            assertThat(section.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1587));
            assertThat(doc.getFooterList()).hasSize(2);
            assertThat(doc.getFooterList()).allSatisfy(f -> assertThat(f._getHdrFtr().xmlText()).contains("PAGE"));
            assertThat(doc.getEvenAndOddHeadings()).isTrue();
        }
        Pdf pdf = Pdf.of(file, "docx");
        assertThat(pdf.pages()).isBetween(1, 3);
        assertThat(pdf.compact()).contains(TITLE, "一、协商议题", "四、办理要求", "禄劝彝族苗族自治县政协", "—1—",
                "村民同意合作社延期3个月缴纳拖欠的土地租金和水费");
    }

    @Test
    void thePrintPageHasTheSameTextAndNoInlineScript() throws Exception {
        long meeting = rentMeeting();
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'consult_meeting' AND entity_id = :id AND action = 'PRINT'")
                .param("id", String.valueOf(meeting)).query(Long.class).single();
        String html = mvc.perform(get("/consult/meetings/" + meeting + "/report").with(user(users.loadUserByUsername("kunming.staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(TITLE, "一、协商议题", "（一）", "合作社在3个月内分两期付清", "禄劝彝族苗族自治县政协", "data-print");
        assertThat(html).doesNotContain("onload=", "onclick=", "<script>");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'consult_meeting' AND entity_id = :id AND action = 'PRINT'")
                .param("id", String.valueOf(meeting)).query(Long.class).single()).isEqualTo(audits + 1);
    }

    @Test
    void draftMinutesMakeNoReport() throws Exception {
        DataScope member = scopes.of("member.demo");
        long draft = meetings.search(member, MeetingQuery.all(), PageRequest.of(1, 50)).items().stream()
                .filter(r -> r.meeting().draft()).findFirst().orElseThrow().meeting().id();
        mvc.perform(get("/consult/meetings/" + draft + "/report.docx").with(user(users.loadUserByUsername("luquan.staff"))))
                .andExpect(status().isBadRequest());
    }

    private long exports(long meeting) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'consult_meeting' AND entity_id = :id AND action = 'EXPORT'")
                .param("id", String.valueOf(meeting)).query(Long.class).single();
    }

    private static XWPFRun run(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow().getRuns().get(0);
    }
}
