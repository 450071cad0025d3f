package cn.zhutui.ledger.internal;

import cn.zhutui.ledger.EntryForm;

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
public final class EntryRules {

    private EntryRules() {
    }

    /**
     * The limits of each field, the same for every door (the form, the API, the import): required
     * fields, text lengths, the bounds of counts and of a position.
     */
    public static void fields(EntryForm f, InvalidInputException.Collector errors) {
        if (f.getCampaignId() == null) {
            errors.add("campaignId", "validation.required");
        }
        if (f.getTaskTypeId() == null) {
            errors.add("taskTypeId", "validation.required");
        }
        text(f.getTitle(), "title", true, 200, errors);
        text(f.getDescription(), "description", false, 4000, errors);
        text(f.getPartner(), "partner", false, 200, errors);
        if (f.getStartDate() == null) {
            errors.add("startDate", "validation.required");
        }
        if (f.getRegionCode() == null) {
            errors.add("regionCode", "validation.required");
        }
        bound(f.getHouseholds(), "households", 1_000_000, errors);
        bound(f.getPersons(), "persons", 10_000_000, errors);
        if (f.getLatitude() != null && f.getLatitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            errors.add("latitude", "validation.between", -90, 90);
        }
        if (f.getLongitude() != null && f.getLongitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            errors.add("longitude", "validation.between", -180, 180);
        }
    }

    private static void text(String value, String field, boolean required, int max, InvalidInputException.Collector errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "validation.required");
            }
        } else if (value.length() > max) {
            errors.add(field, "validation.tooLong", max);
        }
    }

    private static void bound(Integer value, String field, int max, InvalidInputException.Collector errors) {
        if (value != null && (value < 0 || value > max)) {
            errors.add(field, "validation.between", 0, String.format("%,d", max));
        }
    }

    public static void dates(EntryForm form, Campaign campaign, LocalDate today, InvalidInputException.Collector errors) {
        LocalDate start = form.getStartDate();
        if (start == null) {
            return;
        }
        if (start.isAfter(today)) {
            errors.add("startDate", "ledger.date.future");
        } else if (!campaign.covers(start)) {
            if (campaign.endDate() == null) {
                errors.add("startDate", "ledger.date.beforeCampaign", campaign.startDate());
            } else {
                errors.add("startDate", "ledger.date.outsideCampaign", campaign.startDate(), campaign.endDate());
            }
        }
        if (form.getEndDate() != null && (form.getEndDate().isBefore(start) || form.getEndDate().isAfter(today))) {
            errors.add("endDate", "ledger.date.end");
        }
    }

    /** Work happens in a county, township or village, not "somewhere in the province". */
    public static void place(String code, Region region, InvalidInputException.Collector errors) {
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
    public static Map<Long, BigDecimal> values(CampaignStructure s, TaskType type, Map<Long, BigDecimal> given, Map<Long, BigDecimal> old,
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
