package cn.zhutui.report;

/** A report's request parameters as the pages send them; blanks fall back to sensible defaults. */
public class ReportParams {

    private Long campaignId;
    private Long orgId;
    private String periodId;
    private boolean submitted;
    private String regionCode;
    private String tag;

    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getPeriodId() { return periodId; }
    public void setPeriodId(String periodId) { this.periodId = periodId; }
    public boolean isSubmitted() { return submitted; }
    public void setSubmitted(boolean submitted) { this.submitted = submitted; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.trim(); }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag == null || tag.isBlank() ? null : tag; }
}
