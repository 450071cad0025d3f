package cn.zhutui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MemberServiceTest {

    @Autowired
    MemberService members;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;
    @Autowired
    cn.zhutui.audit.AuditService audit;

    Org org(String region) {
        return orgs.committeeOfRegion(region).orElseThrow();
    }

    long anyMemberOf(String region) {
        return members.search(scopes.of("admin"), new MemberQuery(org(region).id(), false, null, null, null, true), PageRequest.of(1, 1))
                .items().get(0).member().id();
    }

    @Test
    void aCountyUserCannotReadOrChangeAnotherCountysMembers() {
        DataScope luquan = scopes.of("luquan.staff");
        long wudingMember = anyMemberOf(DemoAccounts.WUDING);
        assertThatThrownBy(() -> members.get(luquan, wudingMember)).isInstanceOf(NotFoundException.class);
        MemberForm form = MemberForm.of(members.get(scopes.of("admin"), wudingMember), List.of());
        form.getMemberships().add(new MembershipForm(org(DemoAccounts.LUQUAN).id(), "MEMBER"));
        assertThatThrownBy(() -> members.update(luquan, wudingMember, form)).isInstanceOf(NotFoundException.class);
        assertThat(members.search(luquan, MemberQuery.all(), PageRequest.of(1, 200)).items())
                .extracting(i -> i.member().id()).doesNotContain(wudingMember);
        assertThatThrownBy(() -> members.search(luquan, new MemberQuery(org(DemoAccounts.WUDING).id(), true, null, null, null, true), PageRequest.of(1, 10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCountyUserCannotPutAMemberIntoAnotherCountysOrg() {
        MemberForm form = form("越权委员", "19911110001", org(DemoAccounts.WUDING).id());
        assertThatThrownBy(() -> members.create(scopes.of("luquan.staff"), form)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMemberSeesOnlyThemselvesAndCannotEditAnyone() {
        DataScope member = scopes.of("member.demo");
        long self = member.memberId();
        assertThat(members.get(member, self).id()).isEqualTo(self);
        long other = members.search(scopes.of("admin"), new MemberQuery(org(DemoAccounts.LUQUAN).id(), false, null, null, null, true), PageRequest.of(1, 5))
                .items().stream().map(i -> i.member().id()).filter(id -> id != self).findFirst().orElseThrow();
        assertThatThrownBy(() -> members.get(member, other)).isInstanceOf(NotFoundException.class);
        assertThat(members.search(member, MemberQuery.all(), PageRequest.of(1, 50)).items()).extracting(i -> i.member().id()).containsExactly(self);
        MemberForm edit = MemberForm.of(members.get(scopes.of("admin"), other), List.of());
        edit.getMemberships().add(new MembershipForm(org(DemoAccounts.LUQUAN).id(), "MEMBER"));
        assertThatThrownBy(() -> members.update(member, other, edit)).isInstanceOf(ForbiddenException.class);
        MemberForm own = MemberForm.of(members.get(member, self), List.of());
        own.getMemberships().add(new MembershipForm(org(DemoAccounts.LUQUAN).id(), "MEMBER"));
        assertThatThrownBy(() -> members.update(member, self, own)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void createSearchAndFilter() {
        DataScope staff = scopes.of("luquan.staff");
        long id = members.create(staff, form("测试甲委员", "19911110002", org(DemoAccounts.LUQUAN).id()));
        var found = members.search(staff, new MemberQuery(null, true, "AGRICULTURE", null, "测试甲", true), PageRequest.of(1, 20));
        assertThat(found.items()).extracting(i -> i.member().id()).containsExactly(id);
        assertThat(found.items().get(0).mainMembership().orgId()).isEqualTo(org(DemoAccounts.LUQUAN).id());
        assertThat(members.search(staff, new MemberQuery(null, true, "HEALTH", null, "测试甲", true), PageRequest.of(1, 20)).items()).isEmpty();
        // the province sees the county's member through its subtree
        assertThat(members.search(scopes.of("province.staff"), new MemberQuery(null, true, null, null, "测试甲", true), PageRequest.of(1, 20)).items())
                .hasSize(1);
    }

    @Test
    void committeeFilterFindsMembersOfASpecialCommittee() {
        DataScope admin = scopes.of("admin");
        Org agri = orgs.inScope(admin, cn.zhutui.org.OrgKind.SPECIAL_COMMITTEE).stream().filter(o -> o.name().equals("农业农村委员会")).findFirst().orElseThrow();
        var page = members.search(admin, new MemberQuery(null, true, null, agri.id(), null, true), PageRequest.of(1, 100));
        assertThat(page.total()).isPositive();
        assertThat(page.items()).allMatch(i -> i.memberships().stream().anyMatch(ms -> ms.orgId() == agri.id()));
    }

    @Test
    void sameNameAndPhoneInOneOrgIsADuplicate() {
        DataScope staff = scopes.of("luquan.staff");
        members.create(staff, form("重复委员", "19911110003", org(DemoAccounts.LUQUAN).id()));
        assertThatThrownBy(() -> members.create(staff, form("重复委员", "19911110003", org(DemoAccounts.LUQUAN).id())))
                .isInstanceOf(BusinessException.class).hasMessage("member.duplicate");
        // same name, another phone: a different person
        members.create(staff, form("重复委员", "19911110004", org(DemoAccounts.LUQUAN).id()));
    }

    @Test
    void invalidDictionaryCodesAreRefused() {
        MemberForm f = form("字典错", "19911110005", org(DemoAccounts.LUQUAN).id());
        f.setSector("NO_SUCH_SECTOR");
        assertThatThrownBy(() -> members.create(scopes.of("luquan.staff"), f))
                .isInstanceOf(BusinessException.class).satisfies(e -> assertThat(((BusinessException) e).field()).isEqualTo("sector"));
    }

    @Test
    void twoEditorsOfOneMemberDoNotOverwriteEachOther() {
        DataScope staff = scopes.of("luquan.staff");
        long id = members.create(staff, form("并发委员", "19911110006", org(DemoAccounts.LUQUAN).id()));
        MemberForm first = MemberForm.of(members.get(staff, id), members.memberships(staff, id));
        MemberForm second = MemberForm.of(members.get(staff, id), members.memberships(staff, id));
        first.setEmployer("第一位编辑");
        members.update(staff, id, first);
        second.setEmployer("第二位编辑");
        assertThatThrownBy(() -> members.update(staff, id, second)).isInstanceOf(ConflictException.class);
        assertThat(members.get(staff, id).employer()).isEqualTo("第一位编辑");
    }

    @Test
    void aCountyEditKeepsTheProvinceMemberships() {
        DataScope admin = scopes.of("admin");
        Org agri = orgs.inScope(admin, cn.zhutui.org.OrgKind.SPECIAL_COMMITTEE).stream().filter(o -> o.name().equals("农业农村委员会")).findFirst().orElseThrow();
        MemberForm f = form("双重身份委员", "19911110007", org(DemoAccounts.LUQUAN).id());
        f.getMemberships().add(new MembershipForm(agri.id(), "MEMBER"));
        long id = members.create(admin, f);
        DataScope county = scopes.of("luquan.staff");
        MemberForm edit = MemberForm.of(members.get(county, id),
                members.memberships(county, id).stream().filter(ms -> county.coversOrgPath(ms.orgPath())).toList());
        edit.setPost("县里改的职务");
        members.update(county, id, edit);
        assertThat(members.memberships(admin, id)).extracting(Membership::orgId).contains(agri.id(), org(DemoAccounts.LUQUAN).id());
    }

    @Test
    void aCountyEditDoesNotMoveAProvinceMembersMainOrg() {
        DataScope admin = scopes.of("admin");
        long province = orgs.roots(admin).get(0).id();
        MemberForm f = form("省级委员兼县", "19911110008", province);
        f.getMemberships().add(new MembershipForm(org(DemoAccounts.LUQUAN).id(), "MEMBER"));
        long id = members.create(admin, f);
        DataScope county = scopes.of("luquan.staff");
        MemberForm edit = MemberForm.of(members.get(county, id),
                members.memberships(county, id).stream().filter(ms -> county.coversOrgPath(ms.orgPath())).toList());
        edit.setPost("县里改的");
        members.update(county, id, edit);
        assertThat(members.memberships(admin, id)).filteredOn(Membership::main).singleElement()
                .extracting(Membership::orgId).isEqualTo(province);
    }

    @Test
    void searchTreatsWildcardsAsText() {
        DataScope staff = scopes.of("luquan.staff");
        members.create(staff, form("下_划线", "19911110009", org(DemoAccounts.LUQUAN).id()));
        assertThat(members.search(staff, new MemberQuery(null, true, null, null, "_", true), PageRequest.of(1, 50)).items())
                .extracting(i -> i.member().name()).containsExactly("下_划线");
    }

    @Test
    void phonesAreMaskedUnlessTheRoleNeedsThemAndRevealsAreAudited() {
        long id = anyMemberOf(DemoAccounts.LUQUAN);
        Member m = members.get(scopes.of("luquan.staff"), id);
        assertThat(members.displayPhone(scopes.of("luquan.reviewer"), m)).contains("****");
        assertThat(members.displayPhone(scopes.of("luquan.staff"), m)).isEqualTo(m.phone());
        assertThatThrownBy(() -> members.revealPhone(scopes.of("luquan.reviewer"), id)).isInstanceOf(ForbiddenException.class);
        long reveals = audit.search(scopes.of("admin"), new cn.zhutui.audit.AuditQuery("luquan.staff", "VIEW_PII", "member", String.valueOf(id), null, null),
                PageRequest.of(1, 1)).total();
        assertThat(members.revealPhone(scopes.of("luquan.staff"), id)).isEqualTo(m.phone());
        var log = audit.search(scopes.of("admin"), new cn.zhutui.audit.AuditQuery("luquan.staff", "VIEW_PII", "member", String.valueOf(id), null, null),
                PageRequest.of(1, 1));
        assertThat(log.total()).as("each reveal is in the audit log").isEqualTo(reveals + 1);
        assertThat(log.items().get(0).summary()).isEqualTo("phone");
        // and the log holds no phone number in clear
        assertThat(log.items().get(0).changes()).noneMatch(c -> m.phone().equals(c.after()) || m.phone().equals(c.before()));
    }

    static MemberForm form(String name, String phone, long orgId) {
        MemberForm f = new MemberForm();
        f.setName(name);
        f.setGender("F");
        f.setSector("AGRICULTURE");
        f.setEthnicity("07");
        f.setPhone(phone);
        f.setExpertise("特色种植、电商销售");
        f.setMemberships(new java.util.ArrayList<>(List.of(new MembershipForm(orgId, "MEMBER"))));
        return f;
    }
}
