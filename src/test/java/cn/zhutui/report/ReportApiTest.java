package cn.zhutui.report;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The statistics table over the API: the page's figures, scope and periods, as JSON. */
@IntegrationTest
class ReportApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scopes scopes;
    @Autowired
    StatsDataset data;
    @Autowired
    OrgService orgs;

    @BeforeEach
    void data() {
        data.ensure();
    }

    String token(String username) {
        return scopes.bearer(username);
    }

    @Test
    void theProvinceTableByPrefecture() throws Exception {
        long kunming = orgs.committeeOfRegion("5301").orElseThrow().id();
        mvc.perform(get("/api/v1/reports/table").param("campaignId", String.valueOf(data.campaignId)).param("periodId", "2024Q1")
                        .header("Authorization", token("province.staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periodId").value("2024Q1"))
                .andExpect(jsonPath("$.columns[*].orgId").value(hasItem((int) kunming)))
                .andExpect(jsonPath("$.rows[?(@.key == '%d')].total".formatted(data.salesEvents)).value(hasItem(6)))
                .andExpect(jsonPath("$.rows[?(@.key == '%d')].values['%d']".formatted(data.sales, kunming)).value(hasItem(14.75)))  // Luquan's, under Kunming
                .andExpect(jsonPath("$.summary[?(@.key == 'entries')].total").value(hasItem(3)))
                .andExpect(jsonPath("$.summary[?(@.key == 'members')].total").value(hasItem(2)));
    }

    @Test
    void aCountyTokenReachesOnlyItsCountyAndABadPeriodIsAFieldError() throws Exception {
        long province = scopes.of("province.staff").orgId();
        long luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id();
        String county = token("luquan.staff");
        mvc.perform(get("/api/v1/reports/table").param("campaignId", String.valueOf(data.campaignId)).param("orgId", String.valueOf(province))
                .param("periodId", "2024").header("Authorization", county)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/table").param("campaignId", String.valueOf(data.campaignId)).param("orgId", String.valueOf(luquan))
                        .param("periodId", "2024Q1").header("Authorization", county))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.key == '%d')].total".formatted(data.salesEvents)).value(hasItem(5)));
        mvc.perform(get("/api/v1/reports/table").param("campaignId", String.valueOf(data.campaignId)).param("periodId", "2024Q5")
                        .header("Authorization", county))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodId"));
        mvc.perform(get("/api/v1/reports/table").param("periodId", "1900").header("Authorization", county))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("periodId"));
        mvc.perform(get("/api/v1/reports/table").param("orgId", "abc").header("Authorization", county))
                .andExpect(status().isBadRequest());
    }
}
