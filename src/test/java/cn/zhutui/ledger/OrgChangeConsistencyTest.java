package cn.zhutui.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.notify.NotificationService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.FactsCheck;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After the org tree changes, everything keyed by reporting unit agrees with the tree: the entries'
 * unit, the statistics facts, who took part each month, review routing and the lock state.
 */
@IntegrationTest
class OrgChangeConsistencyTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    OrgService orgs;
    @Autowired
    FactsCheck facts;
    @Autowired
    NotificationService notifications;
    @Autowired
    Scopes scopes;

    long group(DataScope scope, long parent, String name) {
        OrgForm f = new OrgForm();
        f.setParentId(parent);
        f.setName(name + UUID.randomUUID().toString().substring(0, 6));
        f.setKind(OrgKind.GROUP);
        f.setLevel(OrgLevel.TOWNSHIP);
        return orgs.create(scope, f);
    }

    @Test
    void aTownshipGroupMovedToAnotherCountyTakesItsEntriesAndFiguresAlong() {
        DataScope kunming = scopes.of("kunming.staff");
        Org luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow();
        Org fumin = orgs.committeeOfRegion("530124").orElseThrow();
        long groupId = group(kunming, luquan.id(), "屏山乡镇小组");
        long member = fx.membersOf(DemoAccounts.LUQUAN).get(0);
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withDayOfMonth(1);
        EntryForm f = fx.form("农产品销售", "乡镇小组的销售", day, "530128001001", List.of(member), Map.of("销售活动", "3", "销售额", "7.5"));
        f.setOrgId(groupId);
        long approved = ledger.create(kunming, f, EntrySource.WEB, true);
        ledger.approve(scopes.of("luquan.reviewer"), approved, ledger.get(kunming, approved).version());
        EntryForm g = fx.form("农产品销售", "乡镇小组待审", day, "530128001001", List.of(member), Map.of("销售活动", "1"));
        g.setOrgId(groupId);
        long submitted = ledger.create(kunming, g, EntrySource.WEB, true);
        assertThat(ledger.get(kunming, approved).unitOrgId()).isEqualTo(luquan.id());

        orgs.move(kunming, groupId, orgs.get(kunming, groupId).version(), fumin.id());

        assertThat(ledger.get(kunming, approved).unitOrgId()).isEqualTo(fumin.id());
        assertThat(ledger.get(kunming, submitted).unitOrgId()).isEqualTo(fumin.id());
        assertThat(facts.valueDifferences()).as("the sums follow the entries").isZero();
        assertThat(facts.entryDifferences()).as("the entry counts").isZero();
        assertThat(facts.memberYearDifferences()).as("who took part each month").isZero();
        assertThat(facts.dayDifferences()).as("the day facts follow too").isZero();
        assertThat(facts.memberDayDifferences()).as("and who took part each day").isZero();
        // review routing: Luquan's reviewer no longer reviews it, Kunming (the level above both) still does
        assertThat(ledger.actions(scopes.of("luquan.reviewer"), ledger.get(kunming, submitted)).review()).isFalse();
        assertThatThrownBy(() -> ledger.get(scopes.of("luquan.reviewer"), submitted)).isInstanceOf(cn.zhutui.common.NotFoundException.class);
        assertThat(ledger.actions(kunming, ledger.get(kunming, submitted)).review()).isFalse(); // Kunming's clerk entered it
        assertThat(ledger.reviewQueue(scopes.of("province.reviewer"), LedgerQuery.all(), true, PageRequest.of(1, 500)).items())
                .anyMatch(r -> r.entry().id() == submitted);
        // Luquan's staff are told their figures changed
        assertThat(notifications.list(scopes.of("luquan.staff"), true, PageRequest.of(1, 50)).items())
                .anyMatch(n -> n.messageCode().equals("notify.entriesRehomed") && n.args().get(1).equals("2")
                        && n.args().get(2).equals("富民县政协"));
    }

    @Test
    void aGroupMadeACommitteeBecomesItsOwnUnit() {
        DataScope kunming = scopes.of("kunming.staff");
        Org luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow();
        long groupId = group(kunming, luquan.id(), "升格小组");
        long member = fx.membersOf(DemoAccounts.LUQUAN).get(0);
        EntryForm f = fx.form("农产品销售", "升格前的台账", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "530128001001",
                List.of(member), Map.of("销售活动", "2"));
        f.setOrgId(groupId);
        long id = ledger.create(kunming, f, EntrySource.WEB, true);
        OrgForm edit = OrgForm.of(orgs.get(kunming, groupId));
        edit.setKind(OrgKind.COMMITTEE);
        orgs.update(kunming, groupId, edit);
        assertThat(ledger.get(kunming, id).unitOrgId()).isEqualTo(groupId);
        assertThat(facts.allDifferences()).isZero();
        edit = OrgForm.of(orgs.get(kunming, groupId));
        edit.setKind(OrgKind.GROUP);
        orgs.update(kunming, groupId, edit);
        assertThat(ledger.get(kunming, id).unitOrgId()).isEqualTo(luquan.id());
        assertThat(facts.allDifferences()).isZero();
    }

    @Test
    void aUnitCannotChangeItsOwnKindOrLevelButTheLevelAboveCan() {
        DataScope county = scopes.of("luquan.staff");
        Org luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow();
        OrgForm raise = OrgForm.of(luquan);
        raise.setLevel(OrgLevel.PROVINCE);
        assertThatThrownBy(() -> orgs.update(county, luquan.id(), raise))
                .isInstanceOf(BusinessException.class).hasMessage("org.ownKindLevel");
        OrgForm kind = OrgForm.of(luquan);
        kind.setKind(OrgKind.GROUP);
        assertThatThrownBy(() -> orgs.update(county, luquan.id(), kind))
                .isInstanceOf(BusinessException.class).hasMessage("org.ownKindLevel");
        assertThat(orgs.get(county, luquan.id()).level()).isEqualTo(OrgLevel.COUNTY);
        // nor give an org below it a level above its own
        long groupId = group(county, luquan.id(), "县里的小组");
        OrgForm high = OrgForm.of(orgs.get(county, groupId));
        high.setLevel(OrgLevel.PROVINCE);
        assertThatThrownBy(() -> orgs.update(county, groupId, high))
                .isInstanceOf(BusinessException.class).hasMessage("org.levelAboveParent");
        // the prefecture may change the county's name and level within its own level
        OrgForm renamed = OrgForm.of(luquan);
        renamed.setRemark("州里改的备注");
        orgs.update(scopes.of("kunming.staff"), luquan.id(), renamed);
        OrgForm prefecture = OrgForm.of(orgs.get(scopes.of("kunming.staff"), luquan.id()));
        prefecture.setLevel(OrgLevel.PROVINCE);
        assertThatThrownBy(() -> orgs.update(scopes.of("kunming.staff"), luquan.id(), prefecture))
                .isInstanceOf(BusinessException.class).hasMessage("org.levelAboveParent");
    }
}
