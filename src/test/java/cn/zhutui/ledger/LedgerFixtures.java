package cn.zhutui.ledger;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds entries of the demo's 双助推 for the ledger tests. */
@Component
public class LedgerFixtures {

    private final CampaignService campaigns;
    private final MemberService members;
    private final OrgService orgs;
    private final Scopes scopes;
    private final LedgerService ledger;

    LedgerFixtures(CampaignService campaigns, MemberService members, OrgService orgs, Scopes scopes, LedgerService ledger) {
        this.campaigns = campaigns;
        this.members = members;
        this.orgs = orgs;
        this.scopes = scopes;
        this.ledger = ledger;
    }

    public CampaignStructure structure() {
        DataScope admin = scopes.of("admin");
        Campaign c = campaigns.visible(admin).stream()
                .filter(x -> "双助推行动".equals(x.name()) && x.orgId() == admin.orgId()).findFirst().orElseThrow();
        return campaigns.structure(c.id());
    }

    public TaskType taskType(String shortName) {
        return structure().taskTypes().stream().filter(t -> t.shortName().equals(shortName)).findFirst().orElseThrow();
    }

    public Indicator indicator(String taskType, String name) {
        return structure().indicators(taskType(taskType)).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    public long committee(String region) {
        return orgs.committeeOfRegion(region).orElseThrow().id();
    }

    public List<Long> membersOf(String region) {
        return members.search(scopes.of("admin"), new MemberQuery(committee(region), false, null, null, null, true), PageRequest.of(1, 50))
                .items().stream().map(i -> i.member().id()).toList();
    }

    /** A sales entry in Luquan's Beijie community, dated today, by the given member. */
    public EntryForm sales(String title, long memberId, String sales) {
        return form("农产品销售", title, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "530128001001", List.of(memberId),
                Map.of("销售活动", "2", "销售额", sales));
    }

    public EntryForm form(String taskType, String title, LocalDate date, String region, List<Long> memberIds, Map<String, String> values) {
        EntryForm f = new EntryForm();
        f.setCampaignId(structure().campaign().id());
        f.setTaskTypeId(taskType(taskType).id());
        f.setTitle(title);
        f.setStartDate(date);
        f.setRegionCode(region);
        f.setMemberIds(memberIds);
        f.setHouseholds(12);
        f.setPersons(40);
        Map<Long, BigDecimal> v = new LinkedHashMap<>();
        values.forEach((name, value) -> v.put(indicator(taskType, name).id(), new BigDecimal(value)));
        f.setValues(v);
        return f;
    }

    /** The form of an existing entry, as its edit page would show it. */
    public EntryForm formOf(DataScope scope, long id) {
        LedgerEntry e = ledger.get(scope, id);
        return EntryForm.of(e, ledger.memberIds(id), ledger.values(id));
    }

    public String luquan() {
        return DemoAccounts.LUQUAN;
    }
}
