package cn.zhutui.consult;

/**
 * The minutes of a meeting: written as a draft, sent to the attendees to confirm (each confirms in
 * the app, or the host records their signature on paper), then final. Final minutes are the record:
 * the meeting and its outcomes count in the figures from then on.
 */
public enum MinutesState {
    DRAFT,
    CONFIRMING,
    FINAL
}
