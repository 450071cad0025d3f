package cn.zhutui.consult;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The consultation figures of one unit or platform level over a period: topics raised (accepted),
 * meetings held (final minutes), outcomes agreed in them, problems solved, the average days from
 * topic to solution, and the outcomes due in the period that are overdue now.
 *
 * @param key   the unit's org id, or the platform level's code
 */
public record ConsultFigures(String key, String label, long topics, long meetings, long outcomes, long solved, long solvedDays,
                             long overdue) {

    /** Average days from a topic being raised to its problem being solved; null when none was solved. */
    public BigDecimal averageDays() {
        return solved == 0 ? null : BigDecimal.valueOf(solvedDays).divide(BigDecimal.valueOf(solved), 1, RoundingMode.HALF_UP);
    }

    public ConsultFigures plus(ConsultFigures o) {
        return new ConsultFigures(key, label, topics + o.topics, meetings + o.meetings, outcomes + o.outcomes, solved + o.solved,
                solvedDays + o.solvedDays, overdue + o.overdue);
    }

    public boolean empty() {
        return topics == 0 && meetings == 0 && outcomes == 0 && solved == 0 && overdue == 0;
    }

    static ConsultFigures of(String key, String label, long[] sums, long overdue) {
        return sums == null ? new ConsultFigures(key, label, 0, 0, 0, 0, 0, overdue)
                : new ConsultFigures(key, label, sums[0], sums[1], sums[2], sums[3], sums[4], overdue);
    }
}
