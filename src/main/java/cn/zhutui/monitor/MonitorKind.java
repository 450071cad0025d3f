package cn.zhutui.monitor;

/** The three kinds of monitored households (中农组发〔2021〕7号). Labels: monitor.kind.*. */
public enum MonitorKind {
    /** 脱贫不稳定户: out of poverty, at risk of falling back. */
    UNSTABLE,
    /** 边缘易致贫户: never registered poor, at risk of becoming poor. */
    MARGINAL,
    /** 突发严重困难户: income above the line, hit by a sudden large expense or loss. */
    SUDDEN
}
