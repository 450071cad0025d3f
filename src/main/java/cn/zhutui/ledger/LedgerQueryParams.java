package cn.zhutui.ledger;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The entry filters as request parameters, bound once for the list, the export and the drill-downs of reports. */
public class LedgerQueryParams {

    private Long campaignId;
    private Long taskTypeId;
    private Long orgId;
    private Long memberId;
    private String regionCode;
    private String periodId;
    private EntryStatus status;
    private boolean flagged;
    private String text;
    private String sort;
    private Long unitOrgId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private LedgerQuery.Counted counted;
    private String tag;
    private boolean mine;

    public LedgerQuery toQuery() {
        return new LedgerQuery(campaignId, taskTypeId, orgId, memberId, blank(regionCode), blank(periodId), status, flagged, blank(text),
                blank(sort), unitOrgId, from, to, counted, blank(tag), mine);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getTaskTypeId() { return taskTypeId; }
    public void setTaskTypeId(Long taskTypeId) { this.taskTypeId = taskTypeId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getPeriodId() { return periodId; }
    public void setPeriodId(String periodId) { this.periodId = periodId; }
    public EntryStatus getStatus() { return status; }
    public void setStatus(EntryStatus status) { this.status = status; }
    public boolean isFlagged() { return flagged; }
    public void setFlagged(boolean flagged) { this.flagged = flagged; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getSort() { return sort; }
    public void setSort(String sort) { this.sort = sort; }
    public Long getUnitOrgId() { return unitOrgId; }
    public void setUnitOrgId(Long unitOrgId) { this.unitOrgId = unitOrgId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public LedgerQuery.Counted getCounted() { return counted; }
    public void setCounted(LedgerQuery.Counted counted) { this.counted = counted; }
    public boolean isMine() { return mine; }
    public void setMine(boolean mine) { this.mine = mine; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
}
