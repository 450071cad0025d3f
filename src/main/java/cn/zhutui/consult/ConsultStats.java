package cn.zhutui.consult;

import cn.zhutui.common.Period;
import cn.zhutui.org.Org;
import java.time.LocalDate;
import java.util.List;

/**
 * The statistics page of an org for a period: a row per unit below it (or per county, or the org
 * itself when it has none), the total, and the figures by platform level. Overdue counts are as of
 * asOf (today); everything else is read from the facts kept in step with the records.
 *
 * @param byCounty rows are every county below the org rather than the units directly below it
 */
public record ConsultStats(Org org, Period period, LocalDate asOf, boolean byCounty, List<Row> rows, ConsultFigures total,
                           List<ConsultFigures> byLevel, List<Org> lineage) {

    /** A unit's figures, and whether it has units below it to drill into. */
    public record Row(Org org, ConsultFigures figures, boolean drillable, boolean own) {
    }
}
