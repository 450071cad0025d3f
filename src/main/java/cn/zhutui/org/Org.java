package cn.zhutui.org;

public record Org(long id, Long parentId, String name, OrgKind kind, OrgLevel level, String regionCode,
                  String path, int sort, String remark, int version) {

    /** Depth in the tree, 1 for a root. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    public boolean isCommittee() {
        return kind == OrgKind.COMMITTEE;
    }
}
