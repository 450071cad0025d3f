package cn.zhutui.consult;

/** What the user may do to a meeting now. */
public enum MeetingAction {
    EDIT, PARTICIPANTS, ATTENDANCE, MINUTES, SEND, CONFIRM, SIGNATURES, RETURN, FINALIZE, FILES, OUTCOMES, REPORT, DELETE
}
