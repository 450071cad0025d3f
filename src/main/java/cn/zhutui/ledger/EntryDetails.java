package cn.zhutui.ledger;

import cn.zhutui.period.PeriodState;

import cn.zhutui.audit.AuditEntry;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.member.Member;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Everything an entry's page shows. */
public record EntryDetails(LedgerEntry entry, CampaignStructure structure, TaskType taskType, String orgName, String unitName,
                           String regionLineage, List<Member> members, Map<Indicator, BigDecimal> values,
                           List<Evidence> evidence, List<EntryFlag> flags, List<AuditEntry> history,
                           Map<Long, String> userNames, EntryActions actions, PeriodState period) {
}
