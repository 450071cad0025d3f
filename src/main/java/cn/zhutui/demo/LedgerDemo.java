package cn.zhutui.demo;

import cn.zhutui.campaign.CampaignForm;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStatus;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PageRequest;
import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.ImportRow;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.period.SubmissionService;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.CurrentScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's ledger: 双助推 from its template and a few thousand fictional entries from May 2021
 * to today, mostly approved, with some waiting for review, some returned and some drafts; and
 * each committee's quarterly submissions, mostly on time. Entries go in through the same import
 * path as a spreadsheet, as loaders acting for the demo's office staff.
 */
@Component
@Order(20)
class LedgerDemo implements DemoStep {

    private static final List<String> RETURN_REASONS = List.of("佐证材料不全，请补充现场照片", "受益户数与情况说明不一致，请核实",
            "销售额单位应为万元，请更正", "活动地点填写有误，请改为具体村社区");

    private final CampaignService campaigns;
    private final LedgerService ledger;
    private final SubmissionService submissions;
    private final MemberService members;
    private final RegionService regions;
    private final CurrentScope scopes;
    private final Random random = new Random(20211001);

    LedgerDemo(CampaignService campaigns, LedgerService ledger, SubmissionService submissions,
               MemberService members, RegionService regions, CurrentScope scopes) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.submissions = submissions;
        this.members = members;
        this.regions = regions;
        this.scopes = scopes;
    }

    @Override
    public void load(DataScope system, DemoContext context) {
        long province = context.committeesByRegion().get("53");
        long campaignId = campaigns.instantiate(system, "SHUANG_ZHUTUI", form(province, "双助推行动", LocalDate.of(2021, 5, 6), null, CampaignStatus.ACTIVE));
        campaigns.instantiate(system, "TUOPIN_ZHUTUI", form(province, "脱贫攻坚助推行动", LocalDate.of(2018, 8, 1), LocalDate.of(2020, 12, 31), CampaignStatus.CLOSED));
        CampaignStructure s = campaigns.structure(campaignId);
        LocalDate today = submissions.today();

        Map<String, List<ImportRow>> rowsByAuthor = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, Long> committee : context.committeesByRegion().entrySet()) {
            String code = committee.getKey();
            List<Long> memberIds = members.search(system, new MemberQuery(committee.getValue(), false, null, null, null, true), PageRequest.of(1, 200))
                    .items().stream().map(i -> i.member().id()).toList();
            List<Region> places = places(code);
            int history = code.length() == 6 ? (code.equals(DemoAccounts.LUQUAN) ? 40 : 18) : code.length() == 4 ? 14 : 160;
            int recent = code.length() == 6 ? (code.equals(DemoAccounts.LUQUAN) ? 20 : 9) : code.length() == 4 ? 7 : 60;
            String author = author(code);
            for (int i = 0; i < history + recent; i++) {
                LocalDate date = i < history ? randomDate(LocalDate.of(2021, 5, 6), LocalDate.of(2023, 12, 31))
                        : randomDate(LocalDate.of(2024, 1, 1), today);
                rowsByAuthor.computeIfAbsent(author, k -> new ArrayList<>())
                        .add(row(s, committee.getValue(), memberIds, places, date, "demo:" + (++n)));
            }
        }
        DataScope reviewer = loaderFor("province.reviewer");
        for (Map.Entry<String, List<ImportRow>> byAuthor : rowsByAuthor.entrySet()) {
            DataScope author = loaderFor(byAuthor.getKey());
            ledger.importRows(author, campaignId, byAuthor.getValue(), true, EntrySource.WEB);
        }
        review(campaignId, reviewer, today);
        submitPeriods(campaignId, context, today);
    }

    /** Most entries approved; a few returned; the newest partly left waiting, as in real life. */
    private void review(long campaignId, DataScope reviewer, LocalDate today) {
        LocalDate recent = today.minusDays(45);
        List<cn.zhutui.ledger.LedgerEntry> submitted = new ArrayList<>();
        ledger.forEach(DataScope.system(), new LedgerQuery(campaignId, null, null, null, null, null, EntryStatus.SUBMITTED, false, null, "date_asc"),
                row -> submitted.add(row.entry()));
        List<Long> approve = new ArrayList<>();
        for (var e : submitted) {
            int roll = random.nextInt(100);
            boolean isRecent = e.startDate().isAfter(recent);
            if (roll < (isRecent ? 15 : 3)) {
                ledger.returnEntry(reviewer, e.id(), e.version(), RETURN_REASONS.get(random.nextInt(RETURN_REASONS.size())));
            } else if (roll < (isRecent ? 55 : 97)) {
                approve.add(e.id());
            }
        }
        ledger.approveAll(reviewer, approve);
    }

    /** Each committee's quarters: most on time, some late, a few never; the last ones partly still open. */
    private void submitPeriods(long campaignId, DemoContext context, LocalDate today) {
        var campaign = campaigns.structure(campaignId).campaign();
        DataScope loader = loaderFor("province.staff");
        for (long unit : context.committeesByRegion().values()) {
            for (Period p = Period.containing(campaign.startDate(), campaign.periodType()); p.end().isBefore(today); p = p.next()) {
                LocalDate deadline = campaign.deadline(p);
                boolean latest = !deadline.plusDays(60).isBefore(today);
                int roll = random.nextInt(100);
                if (roll < (latest ? 25 : 4)) {
                    continue;
                }
                LocalDate day = roll < (latest ? 35 : 14) ? deadline.plusDays(1 + random.nextInt(15)) : p.end().plusDays(1 + random.nextInt(campaign.deadlineDays()));
                if (day.isAfter(today)) {
                    continue;
                }
                submissions.recordHistorical(loader, campaignId, unit, p.id(),
                        day.atTime(9 + random.nextInt(9), random.nextInt(60)).atOffset(ZoneOffset.ofHours(8)));
            }
        }
    }

    private ImportRow row(CampaignStructure s, long orgId, List<Long> memberIds, List<Region> places, LocalDate date, String key) {
        List<TaskType> types = s.activeTaskTypes();
        TaskType type = types.get(random.nextInt(types.size()));
        Region place = places.get(random.nextInt(places.size()));
        EntryForm f = new EntryForm();
        f.setCampaignId(s.campaign().id());
        f.setTaskTypeId(type.id());
        f.setOrgId(orgId);
        List<Long> who = new ArrayList<>();
        who.add(memberIds.get(random.nextInt(memberIds.size())));
        if (memberIds.size() > 2 && random.nextInt(4) == 0) {
            Long second = memberIds.get(random.nextInt(memberIds.size()));
            if (!who.contains(second)) {
                who.add(second);
            }
        }
        f.setMemberIds(who);
        f.setTitle(place.name().replaceAll("(村民委员会|居民委员会|村委会)$", "") + type.shortName());
        f.setStartDate(date);
        LocalDate end = random.nextInt(5) == 0 ? date.plusDays(1 + random.nextInt(3)) : date;
        f.setEndDate(end.isAfter(submissions.today()) ? date : end);
        f.setRegionCode(place.code());
        int households = 1 + random.nextInt(30);
        f.setHouseholds(households);
        f.setPersons(households * (2 + random.nextInt(3)));
        f.setDescription("演示数据：委员" + type.shortName() + "，受益群众" + households + "户。");
        Map<Long, BigDecimal> values = new HashMap<>();
        for (Indicator i : s.activeIndicators(type)) {
            values.put(i.id(), value(i));
        }
        f.setValues(values);
        return new ImportRow("demo", 0, f, key);
    }

    private BigDecimal value(Indicator i) {
        if (i.decimals()) {
            return BigDecimal.valueOf(0.5 + random.nextDouble() * 60).setScale(1, RoundingMode.HALF_UP);
        }
        int max = switch (i.unit()) {
            case "人次" -> 80;
            case "次" -> 8;
            case "名" -> 6;
            default -> 3;
        };
        return BigDecimal.valueOf(1 + random.nextInt(max));
    }

    private final Map<String, List<Region>> placeCache = new HashMap<>();

    /** Villages of a county; townships of a prefecture; townships of the key counties for the province. */
    private List<Region> places(String code) {
        return placeCache.computeIfAbsent(code, c -> {
            if (c.length() == 6) {
                return regions.atLevel(RegionLevel.VILLAGE, c);
            }
            if (c.length() == 4) {
                return regions.atLevel(RegionLevel.TOWNSHIP, c);
            }
            List<Region> keyTownships = new ArrayList<>();
            regions.withTag("NATIONAL_KEY").forEach(county -> keyTownships.addAll(regions.children(county.code())));
            return keyTownships;
        });
    }

    private static String author(String code) {
        if (code.equals(DemoAccounts.LUQUAN)) {
            return "luquan.staff";
        }
        if (code.equals(DemoAccounts.WUDING)) {
            return "wuding.staff";
        }
        return code.startsWith("5301") ? "kunming.staff" : "province.staff";
    }

    private DataScope loaderFor(String username) {
        return scopes.ofUsername(username).asLoader();
    }

    private LocalDate randomDate(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    private static CampaignForm form(long org, String name, LocalDate start, LocalDate end, CampaignStatus status) {
        CampaignForm f = new CampaignForm();
        f.setOrgId(org);
        f.setName(name);
        f.setStartDate(start);
        f.setEndDate(end);
        f.setStatus(status);
        return f;
    }
}
