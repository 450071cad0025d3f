package cn.zhutui.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.Period;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Unlocking reaches any past period of the campaign and any unit in scope, from the page; the top
 * unit is unlocked by its administrator; the unit sees why and until when.
 */
@IntegrationTest
class UnlockTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SubmissionService submissions;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;

    @Test
    void theProvincePageOffersEveryPeriodSinceTheStartAndEveryUnitOfItsScope() throws Exception {
        Campaign c = fx.structure().campaign();
        String page = mvc.perform(get("/periods?campaignId=" + c.id() + "&periodId=2021Q2").with(user(users.loadUserByUsername("province.reviewer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2021年第二季度", "2021年第三季度").contains("禄劝彝族苗族自治县政协", "武定县政协", "昆明市政协")
                .contains("name=\"unitId\"");
        long wuding = orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow().id();
        // a county two levels down, in the campaign's first quarter: unlocked from the page's form
        mvc.perform(post("/periods/unlock").with(csrf()).with(user(users.loadUserByUsername("province.reviewer")))
                        .param("campaignId", String.valueOf(c.id())).param("unitId", String.valueOf(wuding)).param("periodId", "2021Q2")
                        .param("until", submissions.today().plusDays(5).toString()).param("reason", "补录2021年漏报的培训"))
                .andExpect(status().is3xxRedirection());
        PeriodState st = submissions.state(c, wuding, Period.parse("2021Q2"));
        assertThat(st.open()).isTrue();
        assertThat(st.unlockReason()).isEqualTo("补录2021年漏报的培训");
        // the unit sees why and until when
        String theirs = mvc.perform(get("/periods?campaignId=" + c.id() + "&periodId=2021Q2").with(user(users.loadUserByUsername("wuding.staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(theirs).contains("补录2021年漏报的培训").contains(submissions.today().plusDays(5).toString());
    }

    @Test
    void theTopUnitIsUnlockedByItsAdministratorWithAReasonAndNobodyElse() {
        Campaign c = fx.structure().campaign();
        long province = scopes.of("admin").orgId();
        assertThatThrownBy(() -> submissions.unlock(scopes.of("province.reviewer"), c.id(), province, "2022Q1", submissions.today().plusDays(3), "自己解锁"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> submissions.unlock(scopes.of("admin"), c.id(), province, "2022Q1", submissions.today().plusDays(3), " "))
                .isInstanceOf(BusinessException.class).hasMessage("ledger.period.reasonRequired");
        PeriodState st = submissions.unlock(scopes.of("admin"), c.id(), province, "2022Q1", submissions.today().plusDays(3), "省本级补录");
        assertThat(st.open()).isTrue();
        assertThat(st.unlockReason()).isEqualTo("省本级补录");
        // a county cannot unlock itself
        long luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id();
        assertThatThrownBy(() -> submissions.unlock(scopes.of("luquan.reviewer"), c.id(), luquan, "2022Q1", submissions.today().plusDays(3), "自己解锁"))
                .isInstanceOf(ForbiddenException.class);
    }
}
