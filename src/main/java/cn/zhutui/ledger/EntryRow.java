package cn.zhutui.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An entry as a list shows it, with the names behind its ids. */
public record EntryRow(LedgerEntry entry, String campaignName, String taskTypeName, String orgName, String regionName,
                       List<String> memberNames, Map<String, BigDecimal> values, List<EntryFlag> flags, long evidenceCount) {

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
