package cn.zhutui.consult;

/** A county on the public index: its region code and name, and how many outcomes it published. */
public record PublicCounty(String code, String name, String prefecture, long published) {
}
