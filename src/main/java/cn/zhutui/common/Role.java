package cn.zhutui.common;

/** What a user does; several may be held at once. Labels live in messages (role.ADMIN …). */
public enum Role {
    ADMIN,
    STAFF,
    REVIEWER,
    MEMBER,
    CADRE,
    VIEWER
}
