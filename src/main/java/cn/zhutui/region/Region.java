package cn.zhutui.region;

public record Region(String code, String name, int level, String parentCode, String path) {

    public RegionLevel regionLevel() {
        return RegionLevel.ofDepth(level);
    }

    public boolean isLeaf() {
        return level == RegionLevel.VILLAGE.depth();
    }

    /** True for this region and everything below it. */
    public boolean contains(Region other) {
        return other.path().startsWith(path);
    }
}
