package cn.zhutui.consult;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A consultation meeting (协商议事会议) on a topic, hosted by a member: when and where, the agenda,
 * the minutes, and the consensus reached — or, when none was, the disagreement recorded.
 *
 * @param consensusReached true: a consensus (in consensus); false: the disagreement is recorded there; null: not yet
 */
public record Meeting(long id, long topicId, long platformId, long orgId, String title, LocalDate heldOn, LocalTime startTime,
                      String place, long hostMemberId, String agenda, String minutes, String consensus, Boolean consensusReached,
                      MinutesState minutesState, OffsetDateTime sentAt, OffsetDateTime finalizedAt, int version, long createdBy) {

    /** Minutes are due within 7 working days of the meeting (weekends skipped). */
    public static final int MINUTES_WORKING_DAYS = 7;

    public boolean isFinal() {
        return minutesState == MinutesState.FINAL;
    }

    public boolean draft() {
        return minutesState == MinutesState.DRAFT;
    }

    /** The day the minutes should be final by. */
    public LocalDate minutesDue() {
        LocalDate d = heldOn;
        int left = MINUTES_WORKING_DAYS;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    public boolean minutesLate(LocalDate today) {
        return !isFinal() && today.isAfter(minutesDue());
    }

    public boolean held(LocalDate today) {
        return !heldOn.isAfter(today);
    }
}
