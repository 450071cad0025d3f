package cn.zhutui.consult;

/**
 * The filters of the meeting list. state: DRAFT, CONFIRMING, FINAL; periodId filters the day held;
 * toConfirm: those waiting for the user's own confirmation; minutesLate: minutes past their due day.
 * sort: held, held_asc, updated.
 */
public record MeetingQuery(Long orgId, Long platformId, Long topicId, MinutesState state, String periodId, String text,
                           Boolean toConfirm, Boolean minutesLate, String sort) {

    public static MeetingQuery all() {
        return new MeetingQuery(null, null, null, null, null, null, null, null, null);
    }
}
