package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An org's dashboard for a span: key figures, the monthly trend of the last twelve months, the
 * split by focus area, the units below ranked, who took part, and a figure per county for the map.
 */
public record Dashboard(long campaignId, String campaignName, long orgId, String orgName, ReportPeriod period, String periodLabel,
                        long entries, long previousEntries, long households, long persons, long members, long activeMembers,
                        List<Point> trend, List<Point> focusAreas, List<Point> topUnits, List<Point> bottomUnits,
                        List<Point> participationByUnit, List<MemberRef> inactiveMembers, long inactiveCount,
                        MapIndicator mapIndicator, List<Point> counties, List<String> keyCounties, List<MapIndicator> indicatorChoices) {

    /** A labelled figure; id is the org, county code or month it stands for. */
    public record Point(String id, String label, BigDecimal value, BigDecimal second) {
    }

    public record MemberRef(long id, String name) {
    }

    /** The figure the map colours counties by: an indicator, or (id 0) the number of entries. */
    public record MapIndicator(long id, String label, String unit) {
    }

    /** Members who recorded something, in percent of all members; null without members. */
    public BigDecimal participation() {
        return members == 0 ? null : BigDecimal.valueOf(activeMembers * 1000 / members, 1);
    }

    public Map<String, Object> chartData() {
        return Map.of("trend", trend, "focusAreas", focusAreas, "counties", counties, "keyCounties", keyCounties,
                "mapLabel", mapIndicator.label(), "mapUnit", mapIndicator.unit(), "participation", participationByUnit);
    }
}
