package cn.zhutui.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OrgServiceTest {

    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;

    Org luquan() {
        return orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow();
    }

    Org wuding() {
        return orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow();
    }

    @Test
    void demoBuildsTheYunnanCommitteeTree() {
        DataScope admin = scopes.of("admin");
        assertThat(orgs.roots(admin)).singleElement().extracting(Org::name).isEqualTo("云南省政协");
        assertThat(orgs.inScope(admin).stream().filter(o -> o.kind() == OrgKind.COMMITTEE && o.level() == OrgLevel.PREFECTURE)).hasSize(16);
        assertThat(orgs.inScope(admin).stream().filter(o -> o.kind() == OrgKind.COMMITTEE && o.level() == OrgLevel.COUNTY)).hasSize(129);
        assertThat(orgs.inScope(admin, OrgKind.SPECIAL_COMMITTEE).stream().filter(o -> o.level() == OrgLevel.PROVINCE))
                .extracting(Org::name).contains("农业农村委员会", "提案委员会", "港澳台侨和外事委员会").hasSize(9);
    }

    @Test
    void aUnitTreeKnowsEachUnitsChildrenFromOneRead() {
        Org province = orgs.roots(scopes.of("admin")).get(0);
        Org kunming = orgs.parentUnit(luquan()).orElseThrow();
        UnitTree tree = orgs.unitTree(province);
        assertThat(tree.children(province)).hasSize(16).allMatch(o -> o.level() == OrgLevel.PREFECTURE && o.isCommittee());
        assertThat(tree.children(kunming)).extracting(Org::id).contains(luquan().id()).doesNotContain(province.id(), kunming.id(), wuding().id());
        assertThat(tree.children(kunming)).extracting(Org::id).containsExactlyElementsOf(orgs.childUnits(kunming).stream().map(Org::id).toList());
        assertThat(tree.hasChildren(kunming)).isTrue();
        assertThat(tree.hasChildren(luquan())).isFalse();
        // a county's own tree: no unit below it
        assertThat(orgs.unitTree(luquan()).children(luquan())).isEmpty();
    }

    @Test
    void aCountyUserSeesOnlyItsOwnSubtree() {
        DataScope luquanStaff = scopes.of("luquan.staff");
        assertThat(orgs.roots(luquanStaff)).extracting(Org::id).containsExactly(luquan().id());
        assertThat(orgs.inScope(luquanStaff)).allMatch(o -> o.path().startsWith(luquan().path()));
        assertThat(orgs.inScope(luquanStaff)).extracting(Org::id).doesNotContain(wuding().id());
        assertThatThrownBy(() -> orgs.get(luquanStaff, wuding().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> orgs.children(luquanStaff, wuding().id())).isInstanceOf(NotFoundException.class);
        long provinceRoot = orgs.roots(scopes.of("admin")).get(0).id();
        assertThatThrownBy(() -> orgs.get(luquanStaff, provinceRoot)).isInstanceOf(NotFoundException.class);
        assertThat(orgs.search(luquanStaff, "政协", 100)).allMatch(o -> o.path().startsWith(luquan().path()));
    }

    @Test
    void aCountyUserCannotWriteOutsideItsSubtree() {
        DataScope luquanStaff = scopes.of("luquan.staff");
        OrgForm form = form(wuding().id(), "越权小组" + UUID.randomUUID());
        assertThatThrownBy(() -> orgs.create(luquanStaff, form)).isInstanceOf(NotFoundException.class);
        OrgForm edit = OrgForm.of(wuding());
        edit.setName("被改名");
        assertThatThrownBy(() -> orgs.update(luquanStaff, wuding().id(), edit)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> orgs.delete(luquanStaff, wuding().id(), wuding().version())).isInstanceOf(NotFoundException.class);
        assertThat(orgs.get(scopes.of("admin"), wuding().id()).name()).isEqualTo("武定县政协");
    }

    @Test
    void readOnlyRolesCannotEdit() {
        DataScope reviewer = scopes.of("luquan.reviewer");
        assertThatThrownBy(() -> orgs.create(reviewer, form(luquan().id(), "审核人建的组"))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void createMoveAndDeleteWithinScope() {
        DataScope staff = scopes.of("luquan.staff");
        long a = orgs.create(staff, form(luquan().id(), "甲小组" + UUID.randomUUID()));
        long b = orgs.create(staff, form(luquan().id(), "乙小组" + UUID.randomUUID()));
        long child = orgs.create(staff, form(a, "甲小组下级"));
        orgs.move(staff, a, orgs.get(staff, a).version(), b);
        Org movedChild = orgs.get(staff, child);
        assertThat(movedChild.path()).isEqualTo(luquan().path() + b + "/" + a + "/" + child + "/");
        assertThat(orgs.get(staff, a).parentId()).isEqualTo(b);
        assertThatThrownBy(() -> orgs.move(staff, b, orgs.get(staff, b).version(), child))
                .isInstanceOf(BusinessException.class).hasMessage("org.move.intoItself");
        assertThatThrownBy(() -> orgs.move(staff, luquan().id(), luquan().version(), b)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> orgs.delete(staff, a, orgs.get(staff, a).version()))
                .isInstanceOf(BusinessException.class).hasMessage("org.delete.hasChildren");
        orgs.delete(staff, child, orgs.get(staff, child).version());
        assertThatThrownBy(() -> orgs.get(staff, child)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOrgWithMembersCannotBeDeleted() {
        DataScope admin = scopes.of("admin");
        assertThatThrownBy(() -> orgs.delete(admin, wuding().id(), wuding().version())).isInstanceOf(BusinessException.class);
    }

    @Test
    void siblingNamesAreUniqueAndStaleEditsConflict() {
        DataScope staff = scopes.of("luquan.staff");
        String name = "同名组" + UUID.randomUUID();
        long id = orgs.create(staff, form(luquan().id(), name));
        assertThatThrownBy(() -> orgs.create(staff, form(luquan().id(), name)))
                .isInstanceOf(BusinessException.class).hasMessage("org.name.duplicate");
        OrgForm first = OrgForm.of(orgs.get(staff, id));
        OrgForm second = OrgForm.of(orgs.get(staff, id));
        first.setRemark("第一个人的修改");
        orgs.update(staff, id, first);
        second.setRemark("第二个人的修改");
        assertThatThrownBy(() -> orgs.update(staff, id, second)).isInstanceOf(ConflictException.class);
        assertThat(orgs.get(staff, id).remark()).isEqualTo("第一个人的修改");
    }

    private static OrgForm form(long parent, String name) {
        OrgForm f = new OrgForm();
        f.setParentId(parent);
        f.setName(name);
        f.setKind(OrgKind.GROUP);
        f.setLevel(OrgLevel.COUNTY);
        f.setRegionCode(DemoAccounts.LUQUAN);
        return f;
    }
}
