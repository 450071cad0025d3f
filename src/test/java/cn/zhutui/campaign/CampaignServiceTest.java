package cn.zhutui.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CampaignServiceTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    Scopes scopes;

    CampaignStructure shuangZhutui() {
        DataScope admin = scopes.of("admin");
        Campaign c = campaigns.visible(admin).stream().filter(x -> "双助推行动".equals(x.name()) && x.orgId() == admin.orgId())
                .findFirst().orElseThrow();
        return campaigns.structure(c.id());
    }

    @Test
    void theShuangZhutuiTemplateHasTheSeedsFiveFocusAreasAndTenTaskTypes() {
        CampaignStructure s = shuangZhutui();
        assertThat(s.focusAreas()).extracting(FocusArea::name).containsExactly("助推乡村产业发展", "助推脱贫群众就业",
                "助推集体经济壮大", "助推群众素质提升", "助推人居环境改善");
        assertThat(s.taskTypes()).hasSize(10);
        TaskType sales = s.taskTypes().stream().filter(t -> t.shortName().equals("农产品销售")).findFirst().orElseThrow();
        assertThat(s.indicators(sales)).extracting(Indicator::title).containsExactly("销售活动（次）", "销售额（万元）");
        assertThat(s.indicators(sales).get(1).decimals()).isTrue();
        TaskType health = s.taskTypes().stream().filter(t -> t.shortName().equals("医疗帮扶")).findFirst().orElseThrow();
        assertThat(s.indicators(health)).extracting(Indicator::name).containsExactly("培训讲座", "义医义诊", "投入资金");
        assertThat(s.campaign().periodType()).isEqualTo(cn.zhutui.common.PeriodType.QUARTER);
        assertThat(s.campaign().deadlineDays()).isEqualTo(10);
    }

    @Test
    void theTuopinTemplateHasTheSixBoosts() {
        CampaignTemplate t = campaigns.templates().stream().filter(x -> x.code().equals("TUOPIN_ZHUTUI")).findFirst().orElseThrow();
        assertThat(t.focusAreas()).extracting(CampaignTemplate.Area::name)
                .containsExactly("产业助推", "就业助推", "教育助推", "健康助推", "科技助推", "文化助推");
    }

    @Test
    void anIndicatorInUseKeepsItsMeaningButCanBeRetired() {
        DataScope admin = scopes.of("admin");
        CampaignStructure s = shuangZhutui();
        Indicator used = s.indicators().stream().filter(i -> i.name().equals("销售额")).findFirst().orElseThrow();
        assertThatThrownBy(() -> campaigns.updateIndicator(admin, used.id(), used.version(), used.name(), "元", true,
                used.minValue(), used.maxValue(), used.sort(), false)).isInstanceOf(BusinessException.class).hasMessage("campaign.inUse.meaning");
        assertThatThrownBy(() -> campaigns.deleteIndicator(admin, used.id(), used.version()))
                .isInstanceOf(BusinessException.class).hasMessage("campaign.inUse.delete");
        // bounds may change, and it may be retired and restored
        campaigns.updateIndicator(admin, used.id(), used.version(), used.name(), used.unit(), true, used.minValue(),
                new BigDecimal("200000"), used.sort(), true);
        Indicator retired = campaigns.structure(s.campaign().id()).indicator(used.id()).orElseThrow();
        assertThat(retired.retired()).isTrue();
        assertThat(retired.maxValue()).isEqualByComparingTo("200000");
        campaigns.updateIndicator(admin, used.id(), retired.version(), used.name(), used.unit(), true, used.minValue(),
                used.maxValue(), used.sort(), false);
        assertThat(campaigns.structure(s.campaign().id()).indicator(used.id()).orElseThrow().retired()).isFalse();
    }

    @Test
    void anUnusedIndicatorCanBeRenamedAndDeleted() {
        DataScope admin = scopes.of("admin");
        CampaignStructure s = shuangZhutui();
        long taskType = s.taskTypes().get(0).id();
        long id = campaigns.addIndicator(admin, taskType, "临时指标", "个", false, BigDecimal.ZERO, new BigDecimal("10"), 99);
        Indicator added = campaigns.structure(s.campaign().id()).indicator(id).orElseThrow();
        campaigns.updateIndicator(admin, id, added.version(), "改名指标", "项", false, BigDecimal.ZERO, BigDecimal.TEN, 99, false);
        Indicator renamed = campaigns.structure(s.campaign().id()).indicator(id).orElseThrow();
        assertThat(renamed.title()).isEqualTo("改名指标（项）");
        campaigns.deleteIndicator(admin, id, renamed.version());
        assertThat(campaigns.structure(s.campaign().id()).indicator(id)).isEmpty();
    }

    @Test
    void indicatorsCheckTheirValues() {
        Indicator count = new Indicator(1, 1, "就业岗位", "个", false, BigDecimal.ZERO, new BigDecimal("100"), 0, false, 0);
        assertThat(count.check(new BigDecimal("3"))).isNull();
        assertThat(count.check(new BigDecimal("3.0"))).isNull();
        assertThat(count.check(new BigDecimal("2.5"))).isEqualTo("indicator.integer");
        assertThat(count.check(new BigDecimal("101"))).isEqualTo("indicator.bounds");
        assertThat(count.check(new BigDecimal("-1"))).isEqualTo("indicator.bounds");
        Indicator money = new Indicator(2, 1, "销售额", "万元", true, BigDecimal.ZERO, new BigDecimal("100000"), 0, false, 0);
        assertThat(money.check(new BigDecimal("12.3456"))).isNull();
        assertThat(money.check(new BigDecimal("12.34567"))).isEqualTo("indicator.scale");
    }

    @Test
    void yearlyTargetsPerOrgAndIndicator() {
        DataScope admin = scopes.of("admin");
        CampaignStructure s = shuangZhutui();
        long jobs = s.indicators().stream().filter(i -> i.name().equals("就业岗位")).findFirst().orElseThrow().id();
        campaigns.setTargets(admin, s.campaign().id(), admin.orgId(), 2026, Map.of(jobs, new BigDecimal("150000")));
        assertThat(campaigns.targets(s.campaign().id(), List.of(admin.orgId()), 2026).get(admin.orgId()).get(jobs))
                .isEqualByComparingTo("150000");
        java.util.Map<Long, BigDecimal> clear = new java.util.HashMap<>();
        clear.put(jobs, null);
        campaigns.setTargets(admin, s.campaign().id(), admin.orgId(), 2026, clear);
        assertThat(campaigns.targets(s.campaign().id(), List.of(admin.orgId()), 2026)).isEmpty();
    }

    @Test
    void onlyAdministratorsChangeCampaignsAndCountiesSeeTheProvincesCampaign() {
        DataScope staff = scopes.of("luquan.staff");
        assertThat(campaigns.active(staff)).extracting(Campaign::templateCode).contains("SHUANG_ZHUTUI");
        CampaignStructure s = shuangZhutui();
        assertThatThrownBy(() -> campaigns.addFocusArea(staff, s.campaign().id(), "县里加的方向", 1)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aCountyCanRunItsOwnCampaign() {
        DataScope admin = scopes.of("admin");
        CampaignForm f = new CampaignForm();
        f.setOrgId(scopes.of("luquan.staff").orgId());
        f.setName("三联三促" + System.nanoTime());
        f.setStartDate(LocalDate.of(2025, 1, 1));
        long id = campaigns.instantiate(admin, "SHUANG_ZHUTUI", f);
        assertThat(campaigns.visible(scopes.of("luquan.staff"))).extracting(Campaign::id).contains(id);
        assertThat(campaigns.visible(scopes.of("wuding.staff"))).extracting(Campaign::id).doesNotContain(id);
        assertThat(campaigns.structure(id).taskTypes()).hasSize(10);
    }
}
