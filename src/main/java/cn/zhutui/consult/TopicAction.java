package cn.zhutui.consult;

/** What the user may do to a topic now. */
public enum TopicAction {
    EDIT, ACCEPT, DECLINE, MOVE, ADD_MEETING, DELETE
}
