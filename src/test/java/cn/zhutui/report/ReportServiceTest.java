package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.ledger.LedgerStatsService;
import cn.zhutui.ledger.StatGroup;
import cn.zhutui.ledger.StatQuery;
import cn.zhutui.ledger.StatRow;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReportServiceTest {

    @Autowired
    StatsDataset data;
    @Autowired
    ReportService reports;
    @Autowired
    LedgerStatsService stats;
    @Autowired
    cn.zhutui.support.FactsCheck facts;
    @Autowired
    LedgerService ledger;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    final Locale zh = Locale.SIMPLIFIED_CHINESE;

    @BeforeEach
    void data() {
        data.ensure();
    }

    StatisticsTable table(String period, boolean submitted) {
        return table(province(), period, submitted, null, null);
    }

    StatisticsTable table(long org, String period, boolean submitted, String region, String tag) {
        return reports.table(scopes.of("province.staff"), new ReportRequest(data.campaignId, org, ReportPeriod.parse(period), submitted, region, tag), zh);
    }

    long province() {
        return scopes.of("province.staff").orgId();
    }

    long unit(String region) {
        return orgs.committeeOfRegion(region).orElseThrow().id();
    }

    static BigDecimal total(StatisticsTable t, long indicator) {
        return t.rows().stream().filter(r -> r.key().equals(String.valueOf(indicator))).findFirst().orElseThrow().total();
    }

    static BigDecimal column(StatisticsTable t, long indicator, long org) {
        return t.rows().stream().filter(r -> r.key().equals(String.valueOf(indicator))).findFirst().orElseThrow().value(org);
    }

    static BigDecimal summary(StatisticsTable t, String key) {
        return t.summary().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().total();
    }

    @Test
    void aQuarterByPrefecture() {
        StatisticsTable t = table("2024Q1", false);
        assertThat(total(t, data.salesEvents)).isEqualByComparingTo("6");
        assertThat(total(t, data.sales)).isEqualByComparingTo("15.75");
        assertThat(column(t, data.salesEvents, unit("5301"))).isEqualByComparingTo("5");
        assertThat(column(t, data.sales, unit("5323"))).isEqualByComparingTo("1");
        assertThat(column(t, data.sales, unit("5303"))).isEqualByComparingTo("0");
        assertThat(t.columns()).hasSize(16).allMatch(c -> !c.own());
        assertThat(summary(t, "entries")).isEqualByComparingTo("3");
        assertThat(summary(t, "households")).isEqualByComparingTo("30");
        assertThat(summary(t, "persons")).isEqualByComparingTo("90");
        assertThat(summary(t, "members")).as("Luquan's member twice, Wuding's once").isEqualByComparingTo("2");
    }

    @Test
    void membersWhoTookPartAreCountedOnceOverRangesOfMonthsAcrossYears() {
        assertThat(summary(table("2023-03-01_2024-01-31", false), "members")).as("E7 in March 2023, E1 in January 2024")
                .isEqualByComparingTo("2");
        assertThat(summary(table("2023-04-01_2024-01-31", false), "members")).isEqualByComparingTo("1");
        assertThat(summary(table("2023-04-01_2023-12-31", false), "members")).isEqualByComparingTo("0");
        assertThat(summary(table("2024", false), "members")).isEqualByComparingTo("3");
        assertThat(summary(table("2024-03-15_2024-04-01", false), "members")).as("mid-month: the live path")
                .isEqualByComparingTo("2");
    }

    @Test
    void everyKindOfPeriod() {
        assertThat(total(table("202402", false), data.salesEvents)).as("leap February").isEqualByComparingTo("3");
        assertThat(total(table("202403", false), data.salesEvents)).as("the last day of March").isEqualByComparingTo("1");
        assertThat(total(table("2024Q2", false), data.salesEvents)).isEqualByComparingTo("5");
        assertThat(total(table("2024Q2YTD", false), data.salesEvents)).as("year to the end of Q2, across quarters").isEqualByComparingTo("11");
        assertThat(total(table("202404YTD", false), data.sales)).isEqualByComparingTo("35.75");
        assertThat(total(table("2024S1", false), data.salesEvents)).isEqualByComparingTo("11");
        assertThat(total(table("2024", false), data.salesEvents)).isEqualByComparingTo("11");
        assertThat(total(table("2023", false), data.salesEvents)).isEqualByComparingTo("4");
    }

    @Test
    void aCustomRangeIsSummedFromTheEntriesAndAgreesWithTheFacts() {
        StatisticsTable t = table("2024-02-15_2024-04-01", false);
        assertThat(total(t, data.salesEvents)).isEqualByComparingTo("9");
        assertThat(summary(t, "entries")).isEqualByComparingTo("3");
        // a whole-month range asked both ways gives the same figures
        StatQuery facts = new StatQuery(data.campaignId, java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 6, 30), false,
                null, null, null, null, null);
        StatQuery live = facts.withRange(java.time.LocalDate.of(2023, 12, 31), java.time.LocalDate.of(2024, 6, 30));
        assertThat(stats.sums(DataScope.system(), live, StatGroup.UNIT, 0)).containsExactlyInAnyOrderElementsOf(stats.sums(DataScope.system(), facts, StatGroup.UNIT, 0));
    }

    @Test
    void aRangeOfDaysTakesItsWholeMonthsFromTheFactsAndItsEndsFromTheEntries() {
        StatisticsTable t = table("2024-01-10_2024-03-31", false);
        assertThat(total(t, data.salesEvents)).as("E1 on 15 January (entries), E2 and E3 (facts)").isEqualByComparingTo("6");
        assertThat(summary(t, "entries")).isEqualByComparingTo("3");
        assertThat(summary(t, "members")).as("Luquan's member in January and in February counts once").isEqualByComparingTo("2");
        StatisticsTable noWholeMonth = table("2024-01-16_2024-02-28", false);
        assertThat(summary(noWholeMonth, "entries")).as("E1 the day before, E2 the day after").isEqualByComparingTo("0");
        assertThat(summary(noWholeMonth, "members")).isEqualByComparingTo("0");
        StatisticsTable wide = table("2023-03-10_2024-04-01", false);
        assertThat(total(wide, data.salesEvents)).as("E7 on its first day, E4 on its last").isEqualByComparingTo("15");
        assertThat(summary(wide, "members")).isEqualByComparingTo("3");
    }

    @Test
    void aTownshipOrVillageIsSummedFromTheEntriesNotItsCounty() {
        assertThat(total(table(province(), "2024", false, "530128001002", null), data.salesEvents)).as("E2 only").isEqualByComparingTo("3");
        assertThat(total(table(province(), "2024", false, "530128001", null), data.salesEvents))
                .isEqualByComparingTo(total(table(province(), "2024", false, DemoAccounts.LUQUAN, null), data.salesEvents))
                .isEqualByComparingTo("5");
    }

    @Test
    void submittedEntriesCountOnlyWhenAskedAndReturnedOnesNever() {
        assertThat(total(table("2024", false), data.salesEvents)).isEqualByComparingTo("11");
        StatisticsTable with = table("2024", true);
        assertThat(with.includeSubmitted()).isTrue();
        assertThat(total(with, data.salesEvents)).as("E5 submitted joins; E6 returned stays out").isEqualByComparingTo("18");
        assertThat(total(table("2024-01-01_2024-12-31", true), data.salesEvents)).as("the live path agrees").isEqualByComparingTo("18");
    }

    @Test
    void aPrefecturesTableShowsItsOwnWorkAndItsCounties() {
        StatisticsTable t = table(unit("5301"), "2024Q2YTD", false, null, null);
        assertThat(total(t, data.salesEvents)).isEqualByComparingTo("10");
        StatisticsTable.Column own = t.columns().get(0);
        assertThat(own.own()).isTrue();
        assertThat(column(t, data.salesEvents, own.orgId())).isEqualByComparingTo("5");
        assertThat(column(t, data.salesEvents, unit(DemoAccounts.LUQUAN))).isEqualByComparingTo("5");
        assertThat(t.columns()).extracting(StatisticsTable.Column::orgId).doesNotContain(unit(DemoAccounts.WUDING));
    }

    @Test
    void regionSubtreesAndKeyCounties() {
        assertThat(total(table(province(), "2024", false, DemoAccounts.WUDING, null), data.salesEvents)).isEqualByComparingTo("1");
        assertThat(total(table(province(), "2024", false, "5301", null), data.salesEvents)).isEqualByComparingTo("10");
        assertThat(total(table(province(), "2024", false, "530128001", null), data.salesEvents)).as("a township").isEqualByComparingTo("5");
        // Luquan and Wuding are key counties in the demo; Kunming's own work in 五华区 is not
        StatisticsTable key = table(province(), "2024Q2YTD", false, null, "NATIONAL_KEY");
        assertThat(total(key, data.salesEvents)).isEqualByComparingTo("6");
        assertThat(key.filterLabel()).contains("国家乡村振兴重点帮扶县");
    }

    @Test
    void aTownshipsTableFromOnePassOverTheEntriesEqualsItsCountysFromTheFacts() {
        // all of Luquan's work is in township 530128001 and all of Wuding's in 532329101: the township
        // (summed, compared and counted in one pass over the entries) must show what the county (from the facts) shows
        for (String[] places : new String[][] {{"530128001", "530128"}, {"532329101", "532329"}}) {
            for (String period : List.of("2024Q1", "2024Q2", "2024", "2024Q2YTD", "2024-01-20_2024-06-10")) {
                for (boolean submitted : new boolean[] {false, true}) {
                    StatisticsTable township = table(province(), period, submitted, places[0], null);
                    StatisticsTable county = table(province(), period, submitted, places[1], null);
                    String what = places[0] + " " + period + (submitted ? " with submitted" : "");
                    assertThat(figures(township)).as(what).isEqualTo(figures(county));
                }
            }
        }
        StatisticsTable wuding = table(province(), "2024", false, "532329101", null);
        assertThat(wuding.rows().stream().filter(r -> r.key().equals(String.valueOf(data.salesEvents))).findFirst().orElseThrow().lastYear())
                .as("E7 in 2023: last year and the year before are one range").isEqualByComparingTo("4");
    }

    /** Every figure of a table as text: each row's total, columns, last year and period before, and the summary's. */
    private static List<String> figures(StatisticsTable t) {
        return java.util.stream.Stream.concat(t.rows().stream(), t.summary().stream())
                .map(r -> r.key() + " " + r.total().toPlainString() + " " + r.values().values().stream().map(BigDecimal::toPlainString).toList()
                        + " " + (r.lastYear() == null ? "-" : r.lastYear().toPlainString()) + " " + (r.previous() == null ? "-" : r.previous().toPlainString()))
                .toList();
    }

    @Test
    void aRetiredIndicatorKeepsItsFiguresAndIsMarked() {
        StatisticsTable t = table("2024Q1", false);
        StatisticsTable.Row retired = t.rows().stream().filter(r -> r.key().equals(String.valueOf(data.temp))).findFirst().orElseThrow();
        assertThat(retired.retired()).isTrue();
        assertThat(retired.total()).isEqualByComparingTo("9");
        assertThat(table("2024Q2", false).rows()).noneMatch(r -> r.key().equals(String.valueOf(data.temp)));
    }

    @Test
    void comparisonsWithLastYearAndThePeriodBefore() {
        StatisticsTable t = table("2024Q1", false);
        StatisticsTable.Row events = t.rows().stream().filter(r -> r.key().equals(String.valueOf(data.salesEvents))).findFirst().orElseThrow();
        assertThat(events.lastYear()).isEqualByComparingTo("4");
        assertThat(events.yearOnYear()).isEqualByComparingTo("50.0");
        assertThat(events.previous()).isEqualByComparingTo("0");
        StatisticsTable q2 = table("2024Q2", false);
        assertThat(q2.rows().stream().filter(r -> r.key().equals(String.valueOf(data.salesEvents))).findFirst().orElseThrow().periodOnPeriod())
                .as("5 against Q1's 6").isEqualByComparingTo("-16.7");
        assertThat(table("2024Q2YTD", false).rows().get(0).previous()).as("no 环比 for a year-to-date").isNull();
    }

    @Test
    void targetsGiveCompletionRates() {
        DataScope admin = scopes.of("admin");
        data.campaigns.setTargets(admin, data.campaignId, province(), 2024, java.util.Map.of(data.salesEvents, new BigDecimal("44")));
        StatisticsTable.Row events = table("2024", false).rows().stream().filter(r -> r.key().equals(String.valueOf(data.salesEvents)))
                .findFirst().orElseThrow();
        assertThat(events.target()).isEqualByComparingTo("44");
        assertThat(events.completion()).isEqualByComparingTo("25.0");
    }

    @Test
    void anApprovalOrAReturnShowsInTheNextReport() {
        DataScope reviewer = scopes.of("province.reviewer").asLoader();
        assertThat(total(table("2024Q2", false), data.salesEvents)).isEqualByComparingTo("5");
        assertThat(summary(table("2024Q2", false), "members")).isEqualByComparingTo("1");
        ledger.approve(reviewer, data.e5, ledger.get(reviewer, data.e5).version());
        assertThat(total(table("2024Q2", false), data.salesEvents)).as("E5 approved just now").isEqualByComparingTo("12");
        assertThat(summary(table("2024Q2", false), "members")).as("and its member took part").isEqualByComparingTo("2");
        ledger.revoke(reviewer, data.e5, ledger.get(reviewer, data.e5).version(), "再核实");
        assertThat(total(table("2024Q2", false), data.salesEvents)).isEqualByComparingTo("5");
        assertThat(total(table("2024Q2", true), data.salesEvents)).as("returned: not even with submitted").isEqualByComparingTo("5");
        assertThat(summary(table("2024Q2", true), "members")).isEqualByComparingTo("1");
        // back as it was for the other tests
        ledger.submit(scopes.of("province.staff").asLoader(), data.e5, ledger.get(reviewer, data.e5).version());
    }

    @Test
    void theFactsEqualAFreshAggregationOfTheEntries() {
        assertThat(facts.valueDifferences()).as("the sums").isZero();
        assertThat(facts.entryDifferences()).as("the entry counts").isZero();
        assertThat(facts.memberYearDifferences()).as("the month bits of who took part").isZero();
        assertThat(facts.dayDifferences()).as("the day facts").isZero();
        assertThat(facts.memberDayDifferences()).as("the day bits of who took part").isZero();
        assertThat(facts.quarterDifferences()).as("the quarter facts").isZero();
    }

    @Test
    void wholeQuartersComeFromTheQuarterFactsAndAgreeWithTheMonths() {
        // February to August: two months, the second quarter whole, two months
        StatQuery q = new StatQuery(data.campaignId, java.time.LocalDate.of(2024, 2, 1), java.time.LocalDate.of(2024, 8, 31), false,
                null, null, null, null, null);
        // by month the figures come from the month facts only; summed, they must be the total's
        Map<Long, BigDecimal> byMonths = new java.util.HashMap<>();
        Map<Long, Long> entriesByMonths = new java.util.HashMap<>();
        List<StatRow> months = stats.sums(DataScope.system(), q, StatGroup.MONTH, 0);
        months.forEach(r -> {
            byMonths.merge(r.indicatorId(), r.value(), BigDecimal::add);
            entriesByMonths.merge(r.indicatorId(), r.entries(), Long::sum);
        });
        List<StatRow> total = stats.sums(DataScope.system(), q, StatGroup.TOTAL, 0);
        assertThat(total).isNotEmpty();
        assertThat(months.stream().map(StatRow::group).distinct().count()).as("months with work in the range").isGreaterThan(1);
        for (StatRow r : total) {
            assertThat(r.value()).as("indicator %d", r.indicatorId()).isEqualByComparingTo(byMonths.getOrDefault(r.indicatorId(), BigDecimal.ZERO));
            assertThat(r.entries()).as("entries, indicator %d", r.indicatorId()).isEqualTo(entriesByMonths.getOrDefault(r.indicatorId(), 0L));
        }
    }

    @Test
    void aCountyUserSeesOnlyTheirOwnCountysTable() {
        DataScope luquan = scopes.of("luquan.staff");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.table(luquan,
                        new ReportRequest(data.campaignId, province(), ReportPeriod.parse("2024"), false, null, null), zh))
                .isInstanceOf(cn.zhutui.common.NotFoundException.class);
        StatisticsTable own = reports.table(luquan,
                new ReportRequest(data.campaignId, unit(DemoAccounts.LUQUAN), ReportPeriod.parse("2024Q1"), false, null, null), zh);
        assertThat(total(own, data.salesEvents)).isEqualByComparingTo("5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.table(scopes.of("member.demo"),
                        new ReportRequest(data.campaignId, unit(DemoAccounts.LUQUAN), ReportPeriod.parse("2024"), false, null, null), zh))
                .as("a member has no statistics pages").isInstanceOf(cn.zhutui.common.ForbiddenException.class);
    }
}
