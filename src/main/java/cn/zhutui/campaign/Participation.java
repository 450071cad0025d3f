package cn.zhutui.campaign;

/** Which orgs take part in a campaign: the owner's whole tree, one subtree, or a list of units. */
public enum Participation {
    TREE,
    SUBTREE,
    LIST
}
