package cn.zhutui.notify;

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
import cn.zhutui.ledger.SubmissionService;
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
    DeadlineReminders reminders;
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
    void staffAreRemindedBeforeADeadlineAndOnlyOnce() {
        Campaign c = fx.structure().campaign();
        Period last = Period.containing(submissions.today(), PeriodType.QUARTER).previous();
        LocalDate deadline = submissions.deadline(c, last);
        long wuding = fx.committee(DemoAccounts.WUDING);
        if (submissions.state(c, wuding, last).submitted()) {
            // take back the demo's submission, so Wuding has something to be reminded of
            submissions.unlock(scopes.of("province.reviewer"), c.id(), wuding, last.id(), submissions.today().plusDays(1), "测试提醒");
        }
        DataScope wudingStaff = scopes.of("wuding.staff");
        long before = notifications.unread(wudingStaff);
        assertThat(reminders.run(deadline.minusDays(1))).isPositive();
        assertThat(reminders.run(deadline.minusDays(1))).as("the same reminders are not sent twice").isZero();
        assertThat(notifications.unread(wudingStaff)).isEqualTo(before + 1);
        Notification n = notifications.list(wudingStaff, true, PageRequest.of(1, 1)).items().get(0);
        assertThat(n.messageCode()).isEqualTo("notify.deadlineSoon");
        assertThat(n.args()).containsExactly("双助推行动", last.label(java.util.Locale.SIMPLIFIED_CHINESE), deadline.toString());
        assertThat(n.link()).contains("periodId=" + last.id());
        // four days before, nobody is reminded yet
        assertThat(reminders.run(deadline.minusDays(4))).isZero();
    }

    @Test
    void anOverdueCountyIsReportedToItsPrefecture() {
        Campaign c = fx.structure().campaign();
        Period last = Period.containing(submissions.today(), PeriodType.QUARTER).previous();
        LocalDate deadline = submissions.deadline(c, last);
        long luquan = fx.committee(DemoAccounts.LUQUAN);
        DataScope kunming = scopes.of("kunming.staff");
        if (submissions.state(c, luquan, last).submitted()) {
            submissions.unlock(kunming, c.id(), luquan, last.id(), submissions.today().plusDays(1), "测试逾期通知");
        }
        reminders.run(deadline.plusDays(2));
        assertThat(notifications.list(kunming, false, PageRequest.of(1, 200)).items())
                .anyMatch(n -> n.messageCode().equals("notify.childOverdue") && n.args().get(0).equals("禄劝彝族苗族自治县政协")
                        && n.link().contains("/reports/submissions"));
    }
}
