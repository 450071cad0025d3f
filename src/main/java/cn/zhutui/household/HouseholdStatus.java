package cn.zhutui.household;

/** A household's lifecycle: registered (在册), or archived (注销: moved away, dissolved, or found to be a duplicate). */
public enum HouseholdStatus {
    ACTIVE,
    ARCHIVED
}
