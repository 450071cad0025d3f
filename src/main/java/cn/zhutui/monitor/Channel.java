package cn.zhutui.monitor;

/**
 * How a risk was found: the three channels of the rules — the household's own report (also made
 * on its behalf), the cadres' regular checks, department screening — and the platform's own
 * comparisons of the registry's data (income under the line, no one employed). Labels: monitor.channel.*.
 */
public enum Channel {
    SELF_REPORT,
    CADRE_CHECK,
    DEPARTMENT,
    AUTOMATIC
}
