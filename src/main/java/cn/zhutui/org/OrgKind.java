package cn.zhutui.org;

/** What an org is; its label comes from messages (org.kind.COMMITTEE …). */
public enum OrgKind {
    /** 政协 (a CPPCC committee of a level) */
    COMMITTEE,
    /** 专门委员会 */
    SPECIAL_COMMITTEE,
    /** 办公厅 / 办公室 */
    OFFICE,
    /** 委员活动小组 */
    GROUP,
    /** 委员工作室 */
    STUDIO,
    /** 定点帮扶单位 (not part of the CPPCC) */
    ASSIST_UNIT,
    /** 驻村工作队 */
    WORK_TEAM
}
