package cn.zhutui.report;

import cn.zhutui.campaign.CampaignForm;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.ImportRow;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A small ledger whose totals are known, in a campaign of its own so the demo's entries do not
 * mix in. Built once per test context.
 *
 * <pre>
 * E1 Luquan   2024-01-15  sales events 2, sales 10.5     approved
 * E2 Luquan   2024-02-29  3, 4.25 (+ temp indicator 9)   approved   (a leap day)
 * E3 Wuding   2024-03-31  1, 1                            approved
 * E4 Kunming  2024-04-01  5, 20   (the prefecture itself) approved
 * E5 Luquan   2024-05-10  7, 7                            submitted  (counts only when asked)
 * E6 Luquan   2024-06-01  100, 100                        returned   (never counts)
 * E7 Wuding   2023-03-10  4, 8                            approved   (last year, for 同比)
 * </pre>
 * The temp indicator is retired afterwards: its figure still counts.
 */
@Component
public class StatsDataset {

    final CampaignService campaigns;
    final LedgerService ledger;
    final MemberService members;
    final OrgService orgs;
    final Scopes scopes;

    long campaignId;
    long salesEvents;
    long sales;
    long temp;
    long e1;
    long e5;
    long e6;

    StatsDataset(CampaignService campaigns, LedgerService ledger, MemberService members, OrgService orgs,
                 Scopes scopes) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.members = members;
        this.orgs = orgs;
        this.scopes = scopes;
    }

    synchronized StatsDataset ensure() {
        if (campaignId != 0) {
            return this;
        }
        DataScope admin = scopes.of("admin");
        CampaignForm f = new CampaignForm();
        f.setOrgId(admin.orgId());
        f.setName("统计测试行动");
        f.setStartDate(LocalDate.of(2023, 1, 1));
        campaignId = campaigns.instantiate(admin, "SHUANG_ZHUTUI", f);
        CampaignStructure s = campaigns.structure(campaignId);
        TaskType type = s.taskTypes().stream().filter(t -> t.shortName().equals("农产品销售")).findFirst().orElseThrow();
        salesEvents = id(s, type, "销售活动");
        sales = id(s, type, "销售额");
        temp = campaigns.addIndicator(admin, type.id(), "临时指标", "个", false, BigDecimal.ZERO, BigDecimal.valueOf(100), 99);

        long luquan = unit(DemoAccounts.LUQUAN);
        long wuding = unit(DemoAccounts.WUDING);
        long kunming = unit("5301");
        List<ImportRow> rows = new ArrayList<>();
        rows.add(row(type, luquan, "530128001001", LocalDate.of(2024, 1, 15), 2, "10.5", null, "e1"));
        rows.add(row(type, luquan, "530128001002", LocalDate.of(2024, 2, 29), 3, "4.25", 9, "e2"));
        rows.add(row(type, wuding, "532329101001", LocalDate.of(2024, 3, 31), 1, "1", null, "e3"));
        rows.add(row(type, kunming, "530102001001", LocalDate.of(2024, 4, 1), 5, "20", null, "e4"));
        rows.add(row(type, luquan, "530128001001", LocalDate.of(2024, 5, 10), 7, "7", null, "e5"));
        rows.add(row(type, luquan, "530128001001", LocalDate.of(2024, 6, 1), 100, "100", null, "e6"));
        rows.add(row(type, wuding, "532329101001", LocalDate.of(2023, 3, 10), 4, "8", null, "e7"));
        DataScope loader = scopes.of("province.staff").asLoader();
        var outcome = ledger.importRows(loader, campaignId, rows, true, EntrySource.WEB);
        if (!outcome.ok()) {
            throw new IllegalStateException(outcome.errors().toString());
        }
        Map<String, Long> ids = new HashMap<>();
        ledger.forEach(DataScope.system(), new LedgerQuery(campaignId, null, null, null, null, null, null, false, null, "date_asc"),
                r -> ids.put(r.entry().title(), r.entry().id()));
        e1 = ids.get("e1");
        e5 = ids.get("e5");
        e6 = ids.get("e6");
        DataScope reviewer = scopes.of("province.reviewer").asLoader();
        ledger.approveAll(reviewer, List.of(e1, ids.get("e2"), ids.get("e3"), ids.get("e4"), ids.get("e7")));
        ledger.returnEntry(reviewer, e6, ledger.get(reviewer, e6).version(), "数字不实");
        Indicator t = campaigns.structure(campaignId).indicator(temp).orElseThrow();
        campaigns.updateIndicator(admin, temp, t.version(), t.name(), t.unit(), false, t.minValue(), t.maxValue(), t.sort(), true);
        return this;
    }

    /** One more submitted entry of Luquan's (by the same member as E1), for tests that review it. */
    long submitted(String title, LocalDate date) {
        TaskType type = campaigns.structure(campaignId).taskTypes().stream().filter(t -> t.shortName().equals("农产品销售")).findFirst().orElseThrow();
        EntryForm form = row(type, unit(DemoAccounts.LUQUAN), "530128001001", date, 1, "1", null, title).form();
        return ledger.create(scopes.of("province.staff").asLoader(), form, EntrySource.WEB, true);
    }

    private ImportRow row(TaskType type, long org, String village, LocalDate date, int events, String money, Integer tempValue, String title) {
        EntryForm f = new EntryForm();
        f.setCampaignId(campaignId);
        f.setTaskTypeId(type.id());
        f.setOrgId(org);
        f.setTitle(title);
        f.setStartDate(date);
        f.setRegionCode(village);
        f.setHouseholds(10);
        f.setPersons(30);
        f.setMemberIds(List.of(members.search(scopes.of("admin"), new MemberQuery(org, false, null, null, null, true), PageRequest.of(1, 1))
                .items().get(0).member().id()));
        Map<Long, BigDecimal> values = new HashMap<>();
        values.put(salesEvents, BigDecimal.valueOf(events));
        values.put(sales, new BigDecimal(money));
        if (tempValue != null) {
            values.put(temp, BigDecimal.valueOf(tempValue));
        }
        f.setValues(values);
        return new ImportRow("test", 0, f, "stats:" + title);
    }

    private long unit(String region) {
        return orgs.committeeOfRegion(region).orElseThrow().id();
    }

    private static long id(CampaignStructure s, TaskType type, String name) {
        return s.indicators(type).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    EntryStatus status(long id) {
        return ledger.get(DataScope.system(), id).status();
    }
}
