package cn.zhutui.period;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.campaign.CampaignForm;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStatus;
import cn.zhutui.campaign.Participation;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.PeriodType;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.notify.Notification;
import cn.zhutui.notify.NotificationService;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders before a deadline and overdue notices after it, on a campaign of the test's own (so
 * nothing raised earlier — at start-up, by another test — can make an assertion pass): Kunming's
 * units take part, Wuding does not.
 */
@IntegrationTest
class DeadlineRemindersTest {

    @Autowired
    DeadlineReminders reminders;
    @Autowired
    NotificationService notifications;
    @Autowired
    CampaignService campaigns;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;

    String campaignOfKunming() {
        DataScope admin = scopes.of("admin");
        CampaignForm f = new CampaignForm();
        f.setOrgId(admin.orgId());
        f.setName("昆明试点" + UUID.randomUUID().toString().substring(0, 6));
        f.setStartDate(LocalDate.of(2024, 1, 1));
        f.setStatus(CampaignStatus.ACTIVE);
        f.setPeriodType(PeriodType.QUARTER);
        f.setDeadlineDays(10);
        f.setParticipation(Participation.SUBTREE);
        f.setParticipantIds(List.of(orgs.committeeOfRegion("5301").orElseThrow().id()));
        long id = campaigns.create(admin, f, null);
        created.add(id);
        return f.getName();
    }

    private final java.util.List<Long> created = new java.util.ArrayList<>();

    /** Closed after each test, so the test's campaign is nobody's default in the other tests sharing the database. */
    @org.junit.jupiter.api.AfterEach
    void close() {
        for (long id : created) {
            CampaignForm f = CampaignForm.of(campaigns.get(scopes.of("admin"), id));
            f.setStatus(CampaignStatus.CLOSED);
            f.setParticipantIds(campaigns.participants(id).stream().map(cn.zhutui.campaign.Participant::orgId).toList());
            campaigns.update(scopes.of("admin"), id, f);
        }
        created.clear();
    }

    @Test
    void staffOfATakingPartUnitAreRemindedOnceAndOthersNever() {
        String name = campaignOfKunming();
        DataScope luquan = scopes.of("luquan.staff");
        DataScope wuding = scopes.of("wuding.staff");
        assertThat(reminders.run(LocalDate.of(2025, 7, 9))).isPositive();
        assertThat(reminders.run(LocalDate.of(2025, 7, 9))).as("the same reminders are not sent twice").isZero();
        List<Notification> mine = notifications.list(luquan, false, PageRequest.of(1, 200)).items().stream()
                .filter(n -> n.messageCode().equals("notify.deadlineSoon") && n.args().get(0).equals(name)).toList();
        assertThat(mine).singleElement().satisfies(n -> {
            assertThat(n.args()).containsExactly(name, "2025年第二季度", "2025-07-10");
            assertThat(n.link()).contains("periodId=2025Q2");
        });
        assertThat(notifications.list(wuding, false, PageRequest.of(1, 200)).items())
                .noneMatch(n -> n.args().contains(name));
    }

    @Test
    void theLevelAboveGetsOneNoticeListingItsOverdueUnits() {
        String name = campaignOfKunming();
        assertThat(reminders.run(LocalDate.of(2025, 7, 12))).isPositive();
        List<Notification> kunming = notifications.list(scopes.of("kunming.staff"), false, PageRequest.of(1, 500)).items().stream()
                .filter(n -> n.messageCode().equals("notify.childrenOverdue") && n.args().get(0).equals(name)
                        && n.args().get(1).equals("2025年第二季度")).toList();
        assertThat(kunming).as("one notice for the period, not one per unit").singleElement().satisfies(n -> {
            assertThat(n.args().get(4)).contains("禄劝彝族苗族自治县政协").doesNotContain("武定县政协");
            assertThat(Integer.parseInt(n.args().get(3))).isGreaterThan(10);
            assertThat(n.link()).contains("/reports/submissions").contains("periodId=2025Q2");
        });
        assertThat(notifications.list(scopes.of("province.staff"), false, PageRequest.of(1, 500)).items().stream()
                .filter(n -> n.args().contains(name)).toList())
                .as("the province hears of Kunming (its unit), not of Kunming's counties").allSatisfy(n ->
                        assertThat(n.args().get(4)).doesNotContain("禄劝"));
    }
}
