package cn.zhutui.ledger;

import java.time.LocalDate;
import java.util.Collection;

/**
 * What to sum: one campaign, a date range, approved entries (and, if asked, submitted ones), the
 * units under an org path, places under a region code prefix or in a set of counties, one focus
 * area or task type. Every filter is optional except the campaign and the dates.
 *
 * @param unitPath the reporting units under this path (a committee's report)
 * @param orgPath  the entries of the orgs under this path, whatever unit they report under (the
 *                 report of a special committee, an office, a studio); summed from the entries
 */
public record StatQuery(long campaignId, LocalDate from, LocalDate to, boolean includeSubmitted, String unitPath,
                        String regionPrefix, Collection<String> counties, Long focusAreaId, Long taskTypeId, String orgPath) {

    public StatQuery(long campaignId, LocalDate from, LocalDate to, boolean includeSubmitted, String unitPath,
                     String regionPrefix, Collection<String> counties, Long focusAreaId, Long taskTypeId) {
        this(campaignId, from, to, includeSubmitted, unitPath, regionPrefix, counties, focusAreaId, taskTypeId, null);
    }

    public StatQuery withRange(LocalDate newFrom, LocalDate newTo) {
        return new StatQuery(campaignId, newFrom, newTo, includeSubmitted, unitPath, regionPrefix, counties, focusAreaId, taskTypeId, orgPath);
    }

    public StatQuery underUnit(String path) {
        return new StatQuery(campaignId, from, to, includeSubmitted, path, regionPrefix, counties, focusAreaId, taskTypeId, orgPath);
    }

    public StatQuery inRegion(String prefix) {
        return new StatQuery(campaignId, from, to, includeSubmitted, unitPath, prefix, counties, focusAreaId, taskTypeId, orgPath);
    }

    public StatQuery ofTaskType(Long id) {
        return new StatQuery(campaignId, from, to, includeSubmitted, unitPath, regionPrefix, counties, focusAreaId, id, orgPath);
    }

    /** Whole months: the facts answer it; otherwise the entries themselves are summed. */
    public boolean monthAligned() {
        return from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
    }

    /** The org path the sums stay under (the caller's scope must cover it). */
    public String scopePath() {
        return unitPath != null ? unitPath : orgPath;
    }
}
