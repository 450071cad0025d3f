package cn.zhutui.monitor;

/** What a review or a notice is for: to include a household in monitoring, or to mark its risk eliminated. */
public enum Purpose {
    IDENTIFY, ELIMINATE
}
