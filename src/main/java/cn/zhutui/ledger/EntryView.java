package cn.zhutui.ledger;

import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.member.Member;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An entry with everything a client shows of it, read for a whole page at once (no query per row). */
public record EntryView(LedgerEntry entry, TaskType taskType, String orgName, String regionLineage, List<Member> members,
                        Map<Indicator, BigDecimal> values, List<Evidence> evidence, List<EntryFlag> flags) {
}
