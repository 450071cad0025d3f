package cn.zhutui.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Scope by county: another county's office gets 404 on every read, write and export of Luquan's
 * consultation; a member reaches the meetings they hosted or attended; a cadre their township.
 */
@IntegrationTest
class ConsultScopeTest {

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
    OutcomeService outcomes;
    @Autowired
    PlatformService platforms;
    @Autowired
    OrgService orgs;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    record Chain(long topic, long meeting, long outcome, long platform) {
    }

    private Chain luquanChain() {
        DataScope office = scopes.of("luquan.staff");
        Topic t = topics.search(office, new TopicQuery(null, null, null, null, null, "三蒙村花卉基地土地流转租金", null, null, null, null),
                PageRequest.of(1, 1)).items().get(0).topic();
        long meeting = meetings.search(office, new MeetingQuery(null, null, t.id(), null, null, null, null, null, null), PageRequest.of(1, 1))
                .items().get(0).meeting().id();
        long outcome = outcomes.search(office, new OutcomeQuery(null, null, t.id(), null, null, null, null, null), PageRequest.of(1, 1))
                .items().get(0).outcome().id();
        return new Chain(t.id(), meeting, outcome, t.platformId());
    }

    @Test
    void anotherCountyGetsNotFoundOnReadWriteAndExport() throws Exception {
        Chain c = luquanChain();
        long luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id();
        for (String path : List.of("/consult/topics/" + c.topic(), "/consult/topics/" + c.topic() + "/edit", "/consult/meetings/" + c.meeting(),
                "/consult/meetings/" + c.meeting() + "/sign-in", "/consult/meetings/" + c.meeting() + "/report",
                "/consult/meetings/" + c.meeting() + "/report.docx", "/consult/outcomes/" + c.outcome(), "/consult/platforms/" + c.platform(),
                "/consult/topics?orgId=" + luquan, "/consult/topics/export?orgId=" + luquan, "/consult/meetings/export?orgId=" + luquan,
                "/consult/outcomes/export?orgId=" + luquan, "/consult/stats?orgId=" + luquan, "/consult/stats/export?orgId=" + luquan,
                "/consult/board?orgId=" + luquan, "/consult/procedure?orgId=" + luquan, "/consult/meetings/new?topicId=" + c.topic())) {
            mvc.perform(get(path).with(as("wuding.staff"))).andExpect(status().isNotFound());
        }
        for (String path : List.of("/consult/topics/" + c.topic() + "/move?version=0&stepId=1", "/consult/topics/" + c.topic() + "/accept?version=0",
                "/consult/meetings/" + c.meeting() + "/send?version=0", "/consult/meetings/" + c.meeting() + "/finalize?version=0",
                "/consult/outcomes/" + c.outcome() + "/done?version=0", "/consult/outcomes/" + c.outcome() + "/unpublish?version=0&reason=x",
                "/consult/platforms/" + c.platform() + "/seats?name=x&identity=MEMBER&role=MEMBER")) {
            mvc.perform(post(path).with(as("wuding.staff")).with(csrf())).andExpect(status().isNotFound());
        }
        mvc.perform(post("/consult/outcomes/" + c.outcome() + "/feedback").with(as("wuding.staff")).with(csrf())
                .param("receivedOn", "2025-01-01").param("source", "x").param("satisfaction", "SATISFIED").param("solved", "true"))
                .andExpect(status().isNotFound());
        DataScope wuding = scopes.of("wuding.staff");
        assertThatThrownBy(() -> topics.get(wuding, c.topic())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.details(wuding, c.meeting())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> outcomes.details(wuding, c.outcome())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> platforms.get(wuding, c.platform())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.finalizeMinutes(wuding, c.meeting(), 0)).isInstanceOf(NotFoundException.class);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aMeetingsPhotosAreServedOnlyWithinScope() throws Exception {
        Chain c = luquanChain();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", jpg);
        org.springframework.mock.web.MockMultipartFile photo = new org.springframework.mock.web.MockMultipartFile("file", "现场.jpg", "image/jpeg", jpg.toByteArray());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/consult/meetings/" + c.meeting() + "/files")
                .file(photo).param("caption", "协商现场").with(csrf()).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/consult/meetings/" + c.meeting() + "/files")
                .file(photo).param("caption", "协商现场").with(csrf()).with(as("luquan.staff"))).andExpect(status().is3xxRedirection());
        MeetingFile file = meetings.details(scopes.of("luquan.staff"), c.meeting()).files().stream()
                .filter(f -> "协商现场".equals(f.caption())).findFirst().orElseThrow();
        assertThat(file.hasThumbnail()).isTrue();
        String thumb = "/consult/meetings/" + c.meeting() + "/files/" + file.id() + "/thumb";
        mvc.perform(get(thumb).with(as("luquan.staff"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("image/jpeg"));
        mvc.perform(get(thumb).with(as("kunming.staff"))).andExpect(status().isOk());
        mvc.perform(get(thumb).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/consult/meetings/" + c.meeting() + "/files/" + file.id()).with(as("member.demo"))).andExpect(status().isNotFound());
        // a file that is not a photo or a document is refused with the reason
        org.springframework.mock.web.MockMultipartFile exe = new org.springframework.mock.web.MockMultipartFile("file", "x.exe", "application/octet-stream",
                new byte[] {'M', 'Z', 0, 1, 2});
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/consult/meetings/" + c.meeting() + "/files")
                .file(exe).with(csrf()).with(as("luquan.staff"))).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("error"));
    }

    @Test
    void aCountysListsAndExportsHoldOnlyItsOwnRecords() throws Exception {
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity_type IN ('consult_topic', 'consult_meeting', 'consult_outcome', 'consult_platform')")
                .query(Long.class).single();
        mvc.perform(get("/consult/topics/export").with(as("wuding.staff"))).andExpect(status().isOk());
        mvc.perform(get("/consult/meetings/export").with(as("wuding.staff"))).andExpect(status().isOk());
        byte[] platformsFile = mvc.perform(get("/consult/platforms/export").with(as("wuding.staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(platformsFile))) {
            List<String> names = new ArrayList<>();
            wb.getSheetAt(0).forEach(r -> names.add(r.getCell(1).getStringCellValue()));
            assertThat(names).contains("永宁村村民议事室").noneMatch(n -> n.contains("尚德村"));
        }
        String all = mvc.perform(get("/consult/topics?sort=raised").with(as("wuding.staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains("永宁村人畜饮水管网延伸问题").doesNotContain("三蒙村");
        byte[] file = mvc.perform(get("/consult/outcomes/export").with(as("wuding.staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<String> topicsInFile = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row r : wb.getSheetAt(0)) {
                if (r.getRowNum() > 0) {
                    topicsInFile.add(r.getCell(1).getStringCellValue());
                }
            }
        }
        assertThat(topicsInFile).isNotEmpty().contains("关于永宁村人畜饮水管网延伸问题").noneMatch(t -> t.contains("三蒙村") || t.contains("北街"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT'"
                        + " AND entity_type IN ('consult_topic', 'consult_meeting', 'consult_outcome', 'consult_platform')")
                .query(Long.class).single()).as("each export audited").isEqualTo(audits + 4);
    }

    @Test
    void aMemberReachesOnlyTheMeetingsTheyHostedOrAttended() {
        DataScope member = scopes.of("member.demo");
        Chain rent = luquanChain();
        assertThatThrownBy(() -> meetings.get(member, rent.meeting())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> topics.get(member, rent.topic())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> outcomes.get(member, rent.outcome())).isInstanceOf(NotFoundException.class);
        List<MeetingRow> mine = meetings.search(member, MeetingQuery.all(), PageRequest.of(1, 50)).items();
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(meetings.details(member, r.meeting().id()).participants())
                .anyMatch(p -> member.memberId().equals(p.memberId())));
        // a member hosting a draft may keep its record, but not agree outcomes or run the topic
        MeetingRow hosted = mine.stream().filter(r -> r.meeting().hostMemberId() == member.memberId() && r.meeting().draft()).findFirst().orElseThrow();
        MeetingDetails d = meetings.details(member, hosted.meeting().id());
        assertThat(d.actions()).contains(MeetingAction.MINUTES, MeetingAction.PARTICIPANTS).doesNotContain(MeetingAction.OUTCOMES, MeetingAction.DELETE);
        assertThat(topics.actions(member, d.topic())).isEmpty();
    }

    @Test
    void aCadreReachesTheirTownshipOnly() {
        DataScope cadre = scopes.of("cadre.demo");
        List<TopicRow> rows = topics.search(cadre, TopicQuery.all(), PageRequest.of(1, 100)).items();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.topic().regionCode()).startsWith(DemoAccounts.LUQUAN_TOWNSHIP));
        Chain rent = luquanChain();
        assertThatThrownBy(() -> topics.get(cadre, rent.topic())).isInstanceOf(NotFoundException.class);
        assertThat(platforms.choices(cadre)).isNotEmpty().allSatisfy(p -> assertThat(p.regionCode()).startsWith(DemoAccounts.LUQUAN_TOWNSHIP));
    }
}
