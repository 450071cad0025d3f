package cn.zhutui.consult;

/** The filters of the platform list. */
public record PlatformQuery(Long orgId, String level, String regionCode, String text, Boolean active) {

    public static PlatformQuery all() {
        return new PlatformQuery(null, null, null, null, null);
    }
}
