package cn.zhutui.org;

/** The administrative level an org works at. */
public enum OrgLevel {
    PROVINCE,
    PREFECTURE,
    COUNTY,
    TOWNSHIP,
    VILLAGE
}
