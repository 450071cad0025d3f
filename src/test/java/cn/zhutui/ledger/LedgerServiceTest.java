package cn.zhutui.ledger;

import cn.zhutui.period.SubmissionService;
import cn.zhutui.period.PeriodState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.campaign.CampaignForm;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class LedgerServiceTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    SubmissionService submissions;
    @Autowired
    CampaignService campaigns;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    Scopes scopes;
    @Autowired
    ApplicationEvents events;

    DataScope staff() {
        return scopes.of("luquan.staff");
    }

    DataScope reviewer() {
        return scopes.of("luquan.reviewer");
    }

    long luquanMember() {
        return fx.membersOf(DemoAccounts.LUQUAN).get(0);
    }

    String unique(String s) {
        return s + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void draftSubmittedReturnedFixedResubmittedApproved() {
        long id = ledger.create(staff(), fx.sales(unique("销售"), luquanMember(), "12.5"), EntrySource.WEB, false);
        assertThat(ledger.get(staff(), id).status()).isEqualTo(EntryStatus.DRAFT);
        ledger.submit(staff(), id, ledger.get(staff(), id).version());
        ledger.returnEntry(reviewer(), id, ledger.get(staff(), id).version(), "销售额单位有误");
        LedgerEntry returned = ledger.get(staff(), id);
        assertThat(returned.status()).isEqualTo(EntryStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("销售额单位有误");
        EntryForm fix = fx.formOf(staff(), id);
        fix.getValues().put(fx.indicator("农产品销售", "销售额").id(), new BigDecimal("1.25"));
        ledger.update(staff(), id, fix, true);
        assertThat(ledger.get(staff(), id).status()).isEqualTo(EntryStatus.SUBMITTED);
        ledger.approve(reviewer(), id, ledger.get(staff(), id).version());
        EntryDetails d = ledger.details(staff(), id);
        assertThat(d.entry().status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(d.entry().reviewedBy()).isEqualTo(reviewer().userId());
        assertThat(d.history()).extracting(h -> h.action())
                .containsExactly("CREATE", "SUBMITTED", "RETURNED", "UPDATE", "SUBMITTED", "APPROVED");
        assertThat(d.history().get(3).changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("values");
            assertThat(c.before()).contains("12.5");
            assertThat(c.after()).contains("1.25");
        });
        assertThat(events.stream(EntryStatusChanged.class).filter(e -> e.entryId() == id).map(EntryStatusChanged::to))
                .containsExactly(EntryStatus.SUBMITTED, EntryStatus.RETURNED, EntryStatus.SUBMITTED, EntryStatus.APPROVED);
    }

    @Test
    void illegalTransitionsAreRefused() {
        long id = ledger.create(staff(), fx.sales(unique("非法"), luquanMember(), "3"), EntrySource.WEB, false);
        assertThatThrownBy(() -> ledger.approve(reviewer(), id, ledger.get(staff(), id).version()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.transition.illegal");
        ledger.submit(staff(), id, ledger.get(staff(), id).version());
        assertThatThrownBy(() -> ledger.returnEntry(reviewer(), id, ledger.get(staff(), id).version(), " "))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.reason.required");
        ledger.approve(reviewer(), id, ledger.get(staff(), id).version());
        EntryForm edit = fx.formOf(staff(), id);
        edit.setTitle("改已通过的");
        assertThatThrownBy(() -> ledger.update(staff(), id, edit, false)).isInstanceOf(BusinessException.class).hasMessage("ledger.notEditable");
        assertThatThrownBy(() -> ledger.submit(staff(), id, ledger.get(staff(), id).version()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.transition.illegal");
        assertThatThrownBy(() -> ledger.delete(staff(), id, ledger.get(staff(), id).version()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.notEditable");
        assertThat(ledger.get(staff(), id).title()).doesNotContain("改已通过的");
    }

    @Test
    void aLockedPeriodRefusesNewAndChangedEntriesUntilALevelAboveUnlocksIt() {
        LocalDate old = LocalDate.of(2023, 5, 10);
        EntryForm f = fx.form("农产品销售", unique("补录"), old, "530128001001", List.of(luquanMember()), Map.of("销售活动", "1"));
        // locked by its deadline, or by the demo county's own submission of that quarter
        assertThatThrownBy(() -> ledger.create(staff(), f, EntrySource.WEB, false))
                .isInstanceOf(BusinessException.class).hasMessageMatching("ledger\\.period\\.(locked|submitted)");
        // an old returned entry of Luquan (entered as history, returned by its reviewer) cannot be changed either
        EntryForm history = fx.form("农产品销售", unique("旧账"), LocalDate.of(2022, 5, 10), "530128001001", List.of(luquanMember()), Map.of("销售活动", "1"));
        long oldId = ledger.create(staff().asLoader(), history, EntrySource.WEB, true);
        ledger.returnEntry(reviewer().asLoader(), oldId, ledger.get(staff(), oldId).version(), "历史数据退回");
        assertThat(ledger.get(staff(), oldId).status()).isEqualTo(EntryStatus.RETURNED);
        assertThatThrownBy(() -> ledger.update(staff(), oldId, fx.formOf(staff(), oldId), false))
                .isInstanceOf(BusinessException.class).hasMessageMatching("ledger\\.period\\.(locked|submitted)");
        long unit = fx.committee(DemoAccounts.LUQUAN);
        long campaign = fx.structure().campaign().id();
        assertThatThrownBy(() -> submissions.unlock(reviewer(), campaign, unit, "2023Q2", LocalDate.now().plusDays(3), "补录"))
                .isInstanceOf(ForbiddenException.class);
        submissions.unlock(scopes.of("kunming.staff"), campaign, unit, "2023Q2", submissions.today().plusDays(3), "县里补录漏报的销售活动");
        long id = ledger.create(staff(), f, EntrySource.WEB, true);
        assertThat(ledger.get(staff(), id).status()).isEqualTo(EntryStatus.SUBMITTED);
        PeriodState state = submissions.state(fx.structure().campaign(), unit, Period.parse("2023Q2"));
        assertThat(state.open()).isTrue();
        assertThat(state.submitted()).isFalse();
    }

    @Test
    void aSubmittedPeriodIsLockedAndLateSubmissionsAreMarked() {
        long wuding = fx.committee(DemoAccounts.WUDING);
        var campaign = fx.structure().campaign();
        Period last = submissions.periodOf(campaign, submissions.today()).previous();
        DataScope wudingStaff = scopes.of("wuding.staff");
        if (submissions.state(campaign, wuding, last).submitted()) {
            // set-up: the demo may have submitted it already; the level above takes it back
            submissions.unlock(scopes.of("province.reviewer"), campaign.id(), wuding, last.id(), submissions.today().plusDays(1), "测试重新报送");
        }
        assertThat(submissions.state(campaign, wuding, last).submitted()).isFalse();
        PeriodState after = submissions.submit(wudingStaff, campaign.id(), wuding, last.id());
        assertThat(after.submitted()).isTrue();
        assertThat(after.onTime()).isEqualTo(!submissions.today().isAfter(campaign.deadline(last)));
        assertThatThrownBy(() -> submissions.submit(wudingStaff, campaign.id(), wuding, last.id()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.period.alreadySubmitted");
        Period current = submissions.periodOf(campaign, submissions.today());
        assertThatThrownBy(() -> submissions.submit(wudingStaff, campaign.id(), wuding, current.next().id()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.period.notEnded");
        assertThatThrownBy(() -> submissions.submit(staff(), campaign.id(), wuding, last.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCountySeesAndChangesOnlyItsOwnEntries() {
        long wudingEntry = ledger.create(scopes.of("wuding.staff"), fx.form("农产品销售", unique("武定"), LocalDate.now(), "532329101201",
                List.of(fx.membersOf(DemoAccounts.WUDING).get(0)), Map.of("销售活动", "1")), EntrySource.WEB, false);
        assertThatThrownBy(() -> ledger.get(staff(), wudingEntry)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.submit(staff(), wudingEntry, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.approve(reviewer(), wudingEntry, 0)).isInstanceOf(NotFoundException.class);
        var luquanPage = ledger.search(staff(), LedgerQuery.all(), PageRequest.of(1, 200));
        assertThat(luquanPage.total()).isPositive();
        assertThat(luquanPage.items()).allMatch(r -> r.entry().unitOrgId() == fx.committee(DemoAccounts.LUQUAN));
        // a county user cannot record for another county's org or member
        EntryForm intrude = fx.sales(unique("越权"), fx.membersOf(DemoAccounts.WUDING).get(0), "1");
        intrude.setOrgId(fx.committee(DemoAccounts.WUDING));
        assertThatThrownBy(() -> ledger.create(staff(), intrude, EntrySource.WEB, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(BusinessException::field).contains("orgId", "memberIds"));
        // the province sees both
        assertThat(ledger.get(scopes.of("province.staff"), wudingEntry).id()).isEqualTo(wudingEntry);
    }

    @Test
    void aMemberRecordsOnlyTheirOwnWorkAndSeesOnlyTheirOwnEntries() {
        DataScope member = scopes.of("member.demo");
        EntryForm f = fx.sales(unique("委员自己"), member.memberId(), "2");
        long someoneElse = fx.membersOf(DemoAccounts.LUQUAN).stream().filter(m -> !m.equals(member.memberId())).findFirst().orElseThrow();
        f.setMemberIds(List.of(member.memberId(), someoneElse));
        assertThatThrownBy(() -> ledger.create(member, f, EntrySource.MOBILE, true))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.member.onlySelf");
        f.setMemberIds(List.of(member.memberId()));
        long id = ledger.create(member, f, EntrySource.MOBILE, true);
        LedgerEntry e = ledger.get(member, id);
        assertThat(e.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(e.orgId()).isEqualTo(fx.committee(DemoAccounts.LUQUAN));
        assertThat(ledger.search(member, LedgerQuery.all(), PageRequest.of(1, 200)).items())
                .allMatch(r -> r.entry().createdBy() == member.userId() || ledger.memberIds(r.entry().id()).contains(member.memberId()));
        long someoneElses = ledger.create(staff(), fx.sales(unique("别人的"), someoneElse, "1"), EntrySource.WEB, false);
        assertThatThrownBy(() -> ledger.get(member, someoneElses)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.approve(member, id, e.version())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aCadreSeesTheEntriesOfTheirRegion() {
        DataScope cadre = scopes.of("cadre.demo");
        var page = ledger.search(cadre, LedgerQuery.all(), PageRequest.of(1, 100));
        assertThat(page.items()).allMatch(r -> r.entry().regionCode().startsWith(DemoAccounts.LUQUAN_TOWNSHIP));
        long elsewhere = ledger.create(staff(), fx.form("农产品销售", unique("别的乡"), LocalDate.now(), "530128102201",
                List.of(luquanMember()), Map.of("销售活动", "1")), EntrySource.WEB, false);
        assertThatThrownBy(() -> ledger.get(cadre, elsewhere)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void twoPeopleSavingTheSameEntryDoNotOverwriteEachOther() {
        long id = ledger.create(staff(), fx.sales(unique("并发"), luquanMember(), "5"), EntrySource.WEB, false);
        EntryForm first = fx.formOf(staff(), id);
        EntryForm second = fx.formOf(staff(), id);
        first.setTitle("第一个人改的标题");
        ledger.update(staff(), id, first, false);
        second.setTitle("第二个人改的标题");
        assertThatThrownBy(() -> ledger.update(staff(), id, second, false)).isInstanceOf(ConflictException.class);
        assertThat(ledger.get(staff(), id).title()).isEqualTo("第一个人改的标题");
        assertThatThrownBy(() -> ledger.submit(staff(), id, 0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void duplicatesAreFlaggedNotBlocked() throws IOException {
        long member = fx.membersOf(DemoAccounts.LUQUAN).get(1);
        String title = unique("重复");
        long a = ledger.create(staff(), fx.sales(title, member, "7.5"), EntrySource.WEB, false);
        long b = ledger.create(staff(), fx.sales(title + "（再录一次）", member, "7.5"), EntrySource.WEB, false);
        long c = ledger.create(staff(), fx.sales(title + "（数不同）", member, "8"), EntrySource.WEB, false);
        assertThat(ledger.details(staff(), a).flags()).extracting(EntryFlag::kind, EntryFlag::otherEntryId)
                .contains(org.assertj.core.groups.Tuple.tuple("SAME_WORK", b));
        assertThat(ledger.details(staff(), b).flags()).extracting(EntryFlag::otherEntryId).contains(a);
        assertThat(ledger.details(staff(), c).flags()).isEmpty();
        byte[] photo = jpeg();
        ledger.addEvidence(staff(), c, new ByteArrayInputStream(photo), "现场.jpg");
        // figures no other test uses, so only the shared photo links d to anything
        long d = ledger.create(staff(), fx.sales(title + "（另一件）", fx.membersOf(DemoAccounts.LUQUAN).get(2), "1.3579"), EntrySource.WEB, false);
        ledger.addEvidence(staff(), d, new ByteArrayInputStream(photo), "同一张.jpg");
        assertThat(ledger.details(staff(), d).flags()).extracting(EntryFlag::kind, EntryFlag::otherEntryId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SAME_PHOTO", c));
        assertThat(ledger.search(staff(), new LedgerQuery(null, null, null, null, null, null, null, true, title, null), PageRequest.of(1, 10)).items())
                .extracting(r -> r.entry().id()).containsExactlyInAnyOrder(a, b, c, d);
    }

    @Test
    void evidenceIsCheckedByContentAndPhotosGetThumbnails() throws IOException {
        long id = ledger.create(staff(), fx.sales(unique("照片"), luquanMember(), "1"), EntrySource.WEB, false);
        byte[] fake = "MZ this is a program".getBytes();
        assertThatThrownBy(() -> ledger.addEvidence(staff(), id, new ByteArrayInputStream(fake), "photo.jpg"))
                .isInstanceOf(BusinessException.class).hasMessage("file.type");
        Evidence ev = ledger.addEvidence(staff(), id, new ByteArrayInputStream(jpeg()), "现场照片.jpg");
        assertThat(ev.contentType()).isEqualTo("image/jpeg");
        assertThat(ev.hasThumbnail()).isTrue();
        assertThat(ev.sha256()).hasSize(64);
    }

    @Test
    void aReviewerNeverApprovesTheirOwnEntry() {
        DataScope kunming = scopes.of("kunming.staff");
        long own = ledger.create(kunming, fx.form("就业岗位", unique("昆明"), LocalDate.now(), "530102001001",
                List.of(fx.membersOf("5301").get(0)), Map.of("就业岗位", "3")), EntrySource.WEB, true);
        assertThatThrownBy(() -> ledger.approve(kunming, own, ledger.get(kunming, own).version()))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.review.own");
        ledger.approve(scopes.of("province.reviewer"), own, ledger.get(kunming, own).version());
    }

    @Test
    void whereTheCampaignSaysSoTheParentCommitteeReviews() {
        DataScope admin = scopes.of("admin");
        CampaignForm cf = new CampaignForm();
        cf.setOrgId(admin.orgId());
        cf.setName(unique("上级审核行动"));
        cf.setStartDate(LocalDate.of(2025, 1, 1));
        cf.setReviewByParent(List.of("COUNTY"));
        long campaign = campaigns.instantiate(admin, "SHUANG_ZHUTUI", cf);
        EntryForm f = fx.sales(unique("县报市审"), luquanMember(), "2");
        f.setCampaignId(campaign);
        f.setTaskTypeId(campaigns.structure(campaign).taskTypes().stream().filter(t -> t.shortName().equals("农产品销售")).findFirst().orElseThrow().id());
        var ind = campaigns.structure(campaign).indicators(campaigns.structure(campaign).taskType(f.getTaskTypeId()).orElseThrow());
        f.setValues(Map.of(ind.get(0).id(), BigDecimal.ONE));
        long id = ledger.create(staff(), f, EntrySource.WEB, true);
        assertThatThrownBy(() -> ledger.approve(reviewer(), id, ledger.get(staff(), id).version())).isInstanceOf(ForbiddenException.class);
        DataScope kunming = scopes.of("kunming.staff");
        assertThat(ledger.reviewQueue(kunming, new LedgerQuery(campaign, null, null, null, null, null, null, false, null, null), false,
                PageRequest.of(1, 50)).items()).extracting(r -> r.entry().id()).contains(id);
        ledger.approve(kunming, id, ledger.get(kunming, id).version());
        assertThat(ledger.get(staff(), id).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void bulkApprovalReportsWhatItSkipped() {
        long a = ledger.create(staff(), fx.sales(unique("批量甲"), luquanMember(), "1"), EntrySource.WEB, true);
        long b = ledger.create(staff(), fx.sales(unique("批量乙"), luquanMember(), "2"), EntrySource.WEB, true);
        long draft = ledger.create(staff(), fx.sales(unique("批量草稿"), luquanMember(), "3"), EntrySource.WEB, false);
        BulkResult result = ledger.approveAll(reviewer(), List.of(a, b, draft, 999_999_999L));
        assertThat(result.done()).isEqualTo(2);
        assertThat(result.skipped()).containsEntry(draft, "ledger.transition.illegal").containsEntry(999_999_999L, "error.notFound");
        assertThat(ledger.get(staff(), a).status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(ledger.get(staff(), draft).status()).isEqualTo(EntryStatus.DRAFT);
    }

    @Test
    void everyBrokenRuleIsReportedWithItsField() {
        EntryForm f = fx.form("就业岗位", unique("全错"), LocalDate.now().plusDays(3), "53", List.of(luquanMember()), Map.of("就业岗位", "2.5"));
        f.getValues().put(fx.indicator("农产品销售", "销售额").id(), BigDecimal.ONE);
        assertThatThrownBy(() -> ledger.create(staff(), f, EntrySource.WEB, true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(BusinessException::field, BusinessException::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("startDate", "ledger.date.future"),
                                org.assertj.core.groups.Tuple.tuple("regionCode", "ledger.region.tooBroad"),
                                org.assertj.core.groups.Tuple.tuple("values[" + fx.indicator("就业岗位", "就业岗位").id() + "]", "indicator.integer"),
                                org.assertj.core.groups.Tuple.tuple("values[" + fx.indicator("农产品销售", "销售额").id() + "]", "ledger.indicator.unknown")));
    }

    static byte[] jpeg() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color((int) (Math.random() * 0xFFFFFF)));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
