package cn.zhutui.report;

/** A report's request parameters as the pages send them; blanks fall back to sensible defaults. */
public class ReportParams {

    private Long campaignId;
    private Long orgId;
    private String periodId;
    private boolean submitted;
    private String regionCode;
    private String tag;
    /** The picker: a year and a span of it, or a range of days (used when no periodId is given). */
    private Integer year;
    private String span;
    private java.time.LocalDate from;
    private java.time.LocalDate to;
    /** On a phone: the one unit (column) shown, or none for the total. */
    private Long unit;

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
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public String getSpan() { return span; }
    public void setSpan(String span) { this.span = span == null || span.isBlank() ? null : span; }
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    public java.time.LocalDate getFrom() { return from; }
    public void setFrom(@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from) { this.from = from; }
    public java.time.LocalDate getTo() { return to; }
    public void setTo(@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to) { this.to = to; }
    public Long getUnit() { return unit; }
    public void setUnit(Long unit) { this.unit = unit; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag == null || tag.isBlank() ? null : tag; }
}
