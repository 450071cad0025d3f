package cn.zhutui.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Role;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.org.OrgService;
import cn.zhutui.security.UserForm;
import cn.zhutui.security.UserService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Never the author": whoever created, changed or submitted an entry may not review it, even when
 * they hold both roles — on the entry, in the queue and in a bulk approval.
 */
@IntegrationTest
class SeparationOfDutiesTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    UserService users;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;

    DataScope staffAndReviewerOfLuquan() {
        String name = "both" + UUID.randomUUID().toString().substring(0, 6);
        UserForm f = new UserForm();
        f.setUsername(name);
        f.setDisplayName("禄劝兼职审核");
        f.setOrgId(orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id());
        f.setRoles(EnumSet.of(Role.STAFF, Role.REVIEWER));
        users.create(scopes.of("admin"), f, "Lu-quan2026both");
        return scopes.of(name);
    }

    @Test
    void aReviewerWhoChangedAndSubmittedAnEntryCannotApproveIt() {
        DataScope clerk = scopes.of("luquan.staff");
        DataScope reviewer = scopes.of("luquan.reviewer");
        DataScope both = staffAndReviewerOfLuquan();
        long member = fx.membersOf(DemoAccounts.LUQUAN).get(0);
        long id = ledger.create(clerk, fx.sales("别人录的" + UUID.randomUUID(), member, "3"), EntrySource.WEB, true);
        ledger.returnEntry(reviewer, id, ledger.get(clerk, id).version(), "请补充照片");
        // the second person edits the other clerk's returned entry and submits it
        EntryForm edit = fx.formOf(both, id);
        edit.setDescription("补充了说明");
        ledger.update(both, id, edit, true);
        assertThat(ledger.get(both, id).status()).isEqualTo(EntryStatus.SUBMITTED);

        assertThatThrownBy(() -> ledger.approve(both, id, ledger.get(both, id).version()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.review.own");
        assertThat(ledger.actions(both, ledger.get(both, id)).review()).isFalse();
        assertThat(ledger.reviewQueue(both, LedgerQuery.all(), true, PageRequest.of(1, 200)).items())
                .noneMatch(r -> r.entry().id() == id);
        BulkResult bulk = ledger.approveAll(both, List.of(id));
        assertThat(bulk.done()).isZero();
        assertThat(bulk.skipped()).containsEntry(id, "ledger.review.own");
        // one who only returned it may approve it
        ledger.approve(reviewer, id, ledger.get(reviewer, id).version());
        assertThat(ledger.get(reviewer, id).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void attachingEvidenceMakesAnAuthorToo() {
        DataScope clerk = scopes.of("luquan.staff");
        DataScope both = staffAndReviewerOfLuquan();
        long member = fx.membersOf(DemoAccounts.LUQUAN).get(0);
        long id = ledger.create(clerk, fx.sales("补照片" + UUID.randomUUID(), member, "3"), EntrySource.WEB, false);
        ledger.addEvidence(both, id, new java.io.ByteArrayInputStream(LedgerTestFiles.png()), "现场.png");
        ledger.submit(clerk, id, ledger.get(clerk, id).version());
        assertThatThrownBy(() -> ledger.approve(both, id, ledger.get(both, id).version()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.review.own");
    }
}
