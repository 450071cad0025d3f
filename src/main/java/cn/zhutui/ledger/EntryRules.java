package cn.zhutui.ledger;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of an entry that need no database: shared by the form, the API and the spreadsheet import. */
final class EntryRules {

    private EntryRules() {
    }

    static void dates(EntryForm form, Campaign campaign, LocalDate today, InvalidInputException.Collector errors) {
        LocalDate start = form.getStartDate();
        if (start == null) {
            return;
        }
        if (start.isAfter(today)) {
            errors.add("startDate", "ledger.date.future");
        } else if (!campaign.covers(start)) {
            errors.add("startDate", "ledger.date.outsideCampaign", campaign.startDate(), campaign.endDate() == null ? "" : campaign.endDate());
        }
        if (form.getEndDate() != null && (form.getEndDate().isBefore(start) || form.getEndDate().isAfter(today))) {
            errors.add("endDate", "ledger.date.end");
        }
    }

    /** Work happens in a county, township or village, not "somewhere in the province". */
    static void place(String code, Region region, InvalidInputException.Collector errors) {
        if (code == null) {
            return;
        }
        if (region == null) {
            errors.add("regionCode", "region.unknown", code);
        } else if (region.level() < RegionLevel.COUNTY.depth()) {
            errors.add("regionCode", "ledger.region.tooBroad");
        }
    }

    /**
     * The values that fit the task type's indicators. A retired indicator keeps a value it already
     * had (old records stay as they were) but takes no new one.
     */
    static Map<Long, BigDecimal> values(CampaignStructure s, TaskType type, Map<Long, BigDecimal> given, Map<Long, BigDecimal> old,
                                        InvalidInputException.Collector errors) {
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        Set<Long> own = s.indicators(type).stream().map(Indicator::id).collect(Collectors.toSet());
        given.forEach((id, value) -> {
            Indicator ind = s.indicator(id).orElse(null);
            if (ind == null || !own.contains(id)) {
                errors.add("values[" + id + "]", "ledger.indicator.unknown");
                return;
            }
            if (ind.retired() && (old.get(id) == null || old.get(id).compareTo(value) != 0)) {
                errors.add("values[" + id + "]", "ledger.indicator.retired", ind.name());
                return;
            }
            String problem = ind.check(value);
            if (problem != null) {
                errors.add("values[" + id + "]", problem, ind.name(), ind.minValue().stripTrailingZeros().toPlainString(),
                        ind.maxValue().stripTrailingZeros().toPlainString(), ind.unit());
                return;
            }
            values.put(id, value);
        });
        return values;
    }
}
