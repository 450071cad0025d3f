package cn.zhutui.ledger;

import java.time.LocalDate;
import java.util.Collection;

/**
 * What to sum: one campaign, a date range, approved entries (and, if asked, submitted ones), the
 * units under an org path, places under a region code prefix or in a set of counties, one focus
 * area or task type. Every filter is optional except the campaign and the dates.
 */
public record StatQuery(long campaignId, LocalDate from, LocalDate to, boolean includeSubmitted, String unitPath,
                        String regionPrefix, Collection<String> counties, Long focusAreaId, Long taskTypeId) {

    public StatQuery withRange(LocalDate newFrom, LocalDate newTo) {
        return new StatQuery(campaignId, newFrom, newTo, includeSubmitted, unitPath, regionPrefix, counties, focusAreaId, taskTypeId);
    }

    public StatQuery underUnit(String path) {
        return new StatQuery(campaignId, from, to, includeSubmitted, path, regionPrefix, counties, focusAreaId, taskTypeId);
    }

    public StatQuery inRegion(String prefix) {
        return new StatQuery(campaignId, from, to, includeSubmitted, unitPath, prefix, counties, focusAreaId, taskTypeId);
    }

    public StatQuery ofTaskType(Long id) {
        return new StatQuery(campaignId, from, to, includeSubmitted, unitPath, regionPrefix, counties, focusAreaId, id);
    }

    /** Whole months: the facts answer it; otherwise the entries themselves are summed. */
    public boolean monthAligned() {
        return from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
    }
}
