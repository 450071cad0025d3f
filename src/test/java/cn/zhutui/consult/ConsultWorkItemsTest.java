package cn.zhutui.consult;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.WorkItem;
import cn.zhutui.common.WorkItemSource;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What waits for each person on the home page's workbench, from the demo: the county office's
 * topics to accept and overdue outcomes, the member's minutes to confirm, the cadre's outcomes to
 * follow up, the prefecture's overdue outcomes below it. Each count opens the list it counts.
 */
@IntegrationTest
class ConsultWorkItemsTest {

    @Autowired
    List<WorkItemSource> sources;
    @Autowired
    Scopes scopes;
    @Autowired
    TopicService topics;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    MeetingService meetings;

    private Map<String, WorkItem> items(String username) {
        WorkItemSource consult = sources.stream().filter(s -> s instanceof ConsultWorkItems).findFirst().orElseThrow();
        return consult.items(scopes.of(username)).stream().collect(Collectors.toMap(WorkItem::labelCode, i -> i));
    }

    @Test
    void theCountyOfficeSeesWhatWaitsForIt() {
        Map<String, WorkItem> office = items("luquan.staff");
        assertThat(office).containsKeys("consult.work.pending", "consult.work.overdue", "consult.work.minutesLate", "consult.work.feedback",
                "consult.work.publish");
        var scope = scopes.of("luquan.staff");
        long pending = topics.count(scope, TopicQuery.all().withState("PENDING"));
        assertThat(office.get("consult.work.pending").count()).isEqualTo(pending).isPositive();
        assertThat(office.get("consult.work.pending").link()).isEqualTo("/consult/topics?state=PENDING");
        long overdue = outcomes.count(scope, OutcomeQuery.all().withStatus("OVERDUE"));
        assertThat(office.get("consult.work.overdue").count()).isEqualTo(overdue).isPositive();
        assertThat(office.get("consult.work.overdue").urgent()).isTrue();
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void theHomePageShowsThemWithTheRecordsBehind() throws Exception {
        String home = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                users.loadUserByUsername("luquan.staff"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("逾期未办结的协商成果", "待受理的议题", "关于南街社区背街小巷夜间照明不足问题", "/consult/outcomes?status=OVERDUE");
    }

    @Test
    void theMemberIsAskedToConfirmMinutes() {
        Map<String, WorkItem> member = items("member.demo");
        WorkItem confirm = member.get("consult.work.confirm");
        assertThat(confirm.count()).isEqualTo(meetings.count(scopes.of("member.demo"),
                new MeetingQuery(null, null, null, null, null, null, true, null, null))).isGreaterThanOrEqualTo(1);
        assertThat(confirm.link()).isEqualTo("/consult/meetings?toConfirm=true");
        assertThat(member).doesNotContainKey("consult.work.pending");
    }

    @Test
    void theCadreAndTheLevelsAboveSeeTheirShare() {
        Map<String, WorkItem> cadre = items("cadre.demo");
        assertThat(cadre).containsKeys("consult.work.overdueRegion", "consult.work.followUp");
        assertThat(cadre.get("consult.work.followUp").count()).isEqualTo(outcomes.count(scopes.of("cadre.demo"), OutcomeQuery.all().withStatus("OPEN")));
        Map<String, WorkItem> kunming = items("kunming.staff");
        assertThat(kunming).containsOnlyKeys("consult.work.overdue");
        assertThat(kunming.get("consult.work.overdue").count()).isGreaterThanOrEqualTo(items("luquan.staff").get("consult.work.overdue").count());
    }
}
