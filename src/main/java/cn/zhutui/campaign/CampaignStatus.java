package cn.zhutui.campaign;

public enum CampaignStatus {
    /** being set up; not yet open for records */
    DRAFT,
    ACTIVE,
    /** over; its records stay for reports */
    CLOSED
}
