package cn.zhutui.monitor;

import java.time.LocalDate;
import java.util.List;

/**
 * The village notice (公示) of a review session: where and from when to when it hangs, and the
 * households on it. Its lines hold by design only what may be public — the head's name, the
 * number of people and the proposed kind; never an ID number, a phone, a bank account or health data.
 */
public record PublicNotice(long id, String villageCode, String villageName, Purpose purpose, LocalDate startOn, LocalDate endOn,
                           String place, List<Line> lines) {

    public PublicNotice {
        lines = List.copyOf(lines);
    }

    /** One household on the notice. */
    public record Line(long caseId, String headName, int persons, MonitorKind kind) {
    }

    /** The village's own name (the last of its lineage). */
    public String village() {
        return villageName.contains("/") ? villageName.substring(villageName.lastIndexOf('/') + 1).trim() : villageName;
    }

    /** Who signs the notice: the village committee. */
    public String committee() {
        String v = village();
        return v.endsWith("委员会") ? v : v + "村民委员会";
    }

    /** Days on the board, both ends counted. */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(startOn, endOn) + 1;
    }
}
