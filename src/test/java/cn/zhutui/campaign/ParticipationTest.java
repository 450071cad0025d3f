package cn.zhutui.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PeriodType;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which orgs take part in a campaign is explicit, and a new campaign does not become the default
 * of users whose org does not take part in it.
 */
@IntegrationTest
class ParticipationTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    OrgService orgs;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    Scopes scopes;

    long campaign(Participation mode, List<Long> participants) {
        DataScope admin = scopes.of("admin");
        CampaignForm f = new CampaignForm();
        f.setOrgId(admin.orgId());
        f.setName("新行动" + UUID.randomUUID().toString().substring(0, 6));
        f.setStartDate(LocalDate.of(2025, 1, 1));
        f.setStatus(CampaignStatus.ACTIVE);
        f.setPeriodType(PeriodType.QUARTER);
        f.setParticipation(mode);
        f.setParticipantIds(participants);
        return campaigns.instantiate(admin, "SHUANG_ZHUTUI", f);
    }

    @Test
    void aNewCampaignOfKunmingIsKunmingsDefaultNotWudings() {
        long kunming = orgs.committeeOfRegion("5301").orElseThrow().id();
        long id = campaign(Participation.SUBTREE, List.of(kunming));
        Campaign c = campaigns.get(scopes.of("admin"), id);
        assertThat(campaigns.current(scopes.of("luquan.staff"), null).id()).isEqualTo(id);
        assertThat(campaigns.current(scopes.of("wuding.staff"), null).id()).isNotEqualTo(id);
        assertThat(campaigns.takesPart(c, orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow())).isTrue();
        assertThat(campaigns.takesPart(c, orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow())).isFalse();
        // Wuding cannot record into it
        var s = campaigns.structure(id);
        EntryForm f = new EntryForm();
        f.setCampaignId(id);
        f.setTaskTypeId(s.activeTaskTypes().get(0).id());
        f.setTitle("不该录入");
        f.setStartDate(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        f.setRegionCode(DemoAccounts.WUDING);
        f.setMemberIds(fx.membersOf(DemoAccounts.WUDING).subList(0, 1));
        f.setValues(new java.util.LinkedHashMap<>(java.util.Map.of(s.indicators(s.activeTaskTypes().get(0)).get(0).id(), java.math.BigDecimal.ONE)));
        assertThatThrownBy(() -> ledger.create(scopes.of("wuding.staff"), f, EntrySource.WEB, false))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((cn.zhutui.common.InvalidInputException) e).violations())
                        .anyMatch(v -> v.code().equals("campaign.notParticipant")));
        close(id);
    }

    /** Closed again, so it is nobody's default in the other tests sharing this database. */
    void close(long id) {
        CampaignForm f = CampaignForm.of(campaigns.get(scopes.of("admin"), id));
        f.setStatus(CampaignStatus.CLOSED);
        f.setParticipantIds(campaigns.participants(id).stream().map(Participant::orgId).toList());
        campaigns.update(scopes.of("admin"), id, f);
    }

    @Test
    void aListTakesOnlyItsUnitsAndTheParticipantsMustLieUnderTheCampaignsOrg() {
        long luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id();
        long id = campaign(Participation.LIST, List.of(luquan));
        Campaign c = campaigns.get(scopes.of("admin"), id);
        assertThat(campaigns.takesPart(c, orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow())).isTrue();
        assertThat(campaigns.takesPart(c, orgs.committeeOfRegion("5301").orElseThrow())).isFalse();
        close(id);
        assertThatThrownBy(() -> campaign(Participation.SUBTREE, List.of())).isInstanceOf(BusinessException.class)
                .hasMessage("campaign.participants.required");
        long wudingOffice = orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow().id();
        DataScope kunmingAdmin = scopes.of("kunming.staff");
        CampaignForm f = new CampaignForm();
        f.setOrgId(orgs.committeeOfRegion("5301").orElseThrow().id());
        f.setName("州里的行动");
        f.setStartDate(LocalDate.of(2025, 1, 1));
        f.setParticipation(Participation.LIST);
        f.setParticipantIds(List.of(wudingOffice));
        assertThatThrownBy(() -> campaigns.create(scopes.of("admin"), f, null)).isInstanceOf(BusinessException.class)
                .hasMessage("campaign.participants.outside");
        assertThat(kunmingAdmin).isNotNull();
    }
}
