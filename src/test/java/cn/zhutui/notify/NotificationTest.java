package cn.zhutui.notify;

import cn.zhutui.period.PeriodState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.period.SubmissionService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class NotificationTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    SubmissionService submissions;
    @Autowired
    CampaignService campaigns;
    @Autowired
    Scopes scopes;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void aReturnedEntryIsNotifiedToItsAuthorAndItsMember() throws Exception {
        DataScope member = scopes.of("member.demo");
        long id = ledger.create(member, fx.sales("要被退回的台账", member.memberId(), "1"), EntrySource.MOBILE, true);
        long before = notifications.unread(member);
        ledger.returnEntry(scopes.of("luquan.reviewer"), id, ledger.get(member, id).version(), "缺少现场照片");
        assertThat(notifications.unread(member)).isEqualTo(before + 1);
        Notification n = notifications.list(member, true, PageRequest.of(1, 1)).items().get(0);
        assertThat(n.messageCode()).isEqualTo("notify.entryReturned");
        assertThat(n.args()).containsExactly("要被退回的台账", "缺少现场照片");
        assertThat(n.link()).isEqualTo("/entries/" + id);
        // the bell shows the count; opening the notification leads to the entry and marks it read
        mvc.perform(get("/notifications/count").with(user(users.loadUserByUsername("member.demo"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(String.valueOf(before + 1))));
        mvc.perform(get("/notifications/" + n.id()).with(user(users.loadUserByUsername("member.demo"))))
                .andExpect(redirectedUrl("/entries/" + id));
        assertThat(notifications.unread(member)).isEqualTo(before);
        // nobody else gets it
        assertThat(notifications.list(scopes.of("wuding.staff"), false, PageRequest.of(1, 50)).items())
                .noneMatch(x -> x.link() != null && x.link().equals("/entries/" + id));
    }

    @Test
    void anApprovedEntryIsNotifiedAndNoticesAreMarkedReadInBulk() {
        DataScope member = scopes.of("member.demo");
        long before = notifications.unread(member);
        long id = ledger.create(member, fx.sales("要通过的台账", member.memberId(), "1"), EntrySource.MOBILE, true);
        ledger.approve(scopes.of("luquan.reviewer"), id, ledger.get(member, id).version());
        assertThat(notifications.unread(member)).isEqualTo(before + 1);
        Notification n = notifications.list(member, true, PageRequest.of(1, 1)).items().get(0);
        assertThat(n.messageCode()).isEqualTo("notify.entryApproved");
        assertThat(n.args()).containsExactly("要通过的台账");
        // someone else's notification ids are ignored
        Notification others = notifications.list(scopes.of("luquan.reviewer"), false, PageRequest.of(1, 1)).items().stream().findFirst().orElse(null);
        java.util.List<Long> ids = new java.util.ArrayList<>(java.util.List.of(n.id()));
        if (others != null) {
            ids.add(others.id());
        }
        assertThat(notifications.read(member, ids)).isEqualTo(1);
        assertThat(notifications.unread(member)).isEqualTo(before);
    }
}
