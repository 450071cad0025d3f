package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's figures on the hand-made ledger of {@link StatsDataset}. */
@IntegrationTest
class DashboardServiceTest {

    @Autowired
    StatsDataset data;
    @Autowired
    DashboardService dashboards;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;

    @BeforeEach
    void data() {
        data.ensure();
    }

    Dashboard province(String period, Long mapIndicator) {
        return dashboards.dashboard(scopes.of("province.staff"),
                new ReportRequest(data.campaignId, scopes.of("province.staff").orgId(), ReportPeriod.parse(period), false, null, null),
                mapIndicator, Locale.SIMPLIFIED_CHINESE);
    }

    static BigDecimal value(List<Dashboard.Point> points, String id) {
        return points.stream().filter(p -> p.id().equals(id)).findFirst().map(Dashboard.Point::value).orElse(null);
    }

    @Test
    void aQuartersFiguresTrendUnitsAndMap() {
        Dashboard d = province("2024Q1", null);
        assertThat(d.entries()).isEqualTo(3);
        assertThat(d.previousEntries()).as("2023Q4 had none").isZero();
        assertThat(d.households()).isEqualTo(30);
        assertThat(d.trend()).hasSize(12);
        assertThat(d.trend().get(0).id()).isEqualTo("2023-04");
        assertThat(d.trend().subList(9, 12)).extracting(Dashboard.Point::value).allMatch(v -> v.compareTo(BigDecimal.ONE) == 0);
        assertThat(d.trend().subList(0, 9)).extracting(Dashboard.Point::value).allMatch(v -> v.signum() == 0);
        assertThat(d.focusAreas().stream().map(Dashboard.Point::value).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("3");

        String kunming = String.valueOf(orgs.committeeOfRegion("5301").orElseThrow().id());
        String chuxiong = String.valueOf(orgs.committeeOfRegion("5323").orElseThrow().id());
        assertThat(d.topUnits().get(0).id()).isEqualTo(kunming);
        assertThat(value(d.topUnits(), kunming)).isEqualByComparingTo("2");
        assertThat(value(d.topUnits(), chuxiong)).isEqualByComparingTo("1");

        assertThat(value(d.counties(), DemoAccounts.LUQUAN)).isEqualByComparingTo("2");
        assertThat(value(d.counties(), DemoAccounts.WUDING)).isEqualByComparingTo("1");
        assertThat(d.counties()).hasSize(2);

        assertThat(d.activeMembers()).as("Luquan's and Wuding's members").isEqualTo(2);
        assertThat(d.inactiveCount()).isEqualTo(d.members() - 2);
        assertThat(d.inactiveMembers()).hasSize((int) Math.min(30, d.members() - 2));
        assertThat(d.participationByUnit()).as("the ten lowest of the 16 prefectures").hasSize(10)
                .isSortedAccordingTo(java.util.Comparator.comparing(Dashboard.Point::value))
                .noneMatch(p -> p.id().equals(kunming) || p.id().equals(chuxiong))
                .allMatch(p -> p.value().signum() == 0 && p.second().signum() > 0);
    }

    @Test
    void aRangeOfDays() {
        Dashboard d = province("2024-01-10_2024-03-31", null);
        assertThat(d.entries()).isEqualTo(3);
        assertThat(d.activeMembers()).isEqualTo(2);
        assertThat(value(d.counties(), DemoAccounts.LUQUAN)).isEqualByComparingTo("2");
        assertThat(value(d.trend(), "2024-01")).isEqualByComparingTo("1");
        Dashboard sales = province("2024-01-10_2024-04-01", data.sales);
        assertThat(value(sales.counties(), DemoAccounts.LUQUAN)).as("E1 + E2").isEqualByComparingTo("14.75");
        assertThat(value(sales.counties(), "530102")).as("E4 on the last day").isEqualByComparingTo("20");
    }

    @Test
    void theMapShowsTheChosenIndicator() {
        Dashboard d = province("2024", data.sales);
        assertThat(d.mapIndicator().id()).isEqualTo(data.sales);
        assertThat(value(d.counties(), DemoAccounts.LUQUAN)).as("E1 + E2").isEqualByComparingTo("14.75");
        assertThat(value(d.counties(), "530102")).as("E4 in Kunming's city").isEqualByComparingTo("20");
    }
}
