package cn.zhutui.consult;

/** A platform as a list shows it: where, whose, and what it has done. */
public record PlatformRow(Platform platform, String regionName, String orgName, long topics, long meetings, long solved) {
}
