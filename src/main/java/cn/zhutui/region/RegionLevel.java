package cn.zhutui.region;

import java.util.Arrays;
import java.util.Optional;

/** The five levels of the national division codes and the length of their codes. */
public enum RegionLevel {
    PROVINCE(1, 2),
    PREFECTURE(2, 4),
    COUNTY(3, 6),
    TOWNSHIP(4, 9),
    VILLAGE(5, 12);

    private final int depth;
    private final int codeLength;

    RegionLevel(int depth, int codeLength) {
        this.depth = depth;
        this.codeLength = codeLength;
    }

    public int depth() {
        return depth;
    }

    public int codeLength() {
        return codeLength;
    }

    public static RegionLevel ofDepth(int depth) {
        return values()[depth - 1];
    }

    /** Accepts "county", "COUNTY", "3", or the Chinese name "县" / "县区". */
    public static Optional<RegionLevel> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.trim();
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(v)
                || String.valueOf(l.depth).equals(v) || l.chinese().contains(v) && !v.isEmpty()).findFirst();
    }

    private String chinese() {
        return switch (this) {
            case PROVINCE -> "省";
            case PREFECTURE -> "州市地区";
            case COUNTY -> "县区市";
            case TOWNSHIP -> "乡镇街道";
            case VILLAGE -> "村社区";
        };
    }
}
