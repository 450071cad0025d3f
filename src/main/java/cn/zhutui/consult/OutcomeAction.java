package cn.zhutui.consult;

/** What the user may do to an outcome now. */
public enum OutcomeAction {
    EDIT, DELETE, FOLLOW_UP, DEADLINE, DONE, FEEDBACK, PUBLISH, UNPUBLISH
}
