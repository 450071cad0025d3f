package cn.zhutui.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What is filled in for an entry, on a page, in a spreadsheet row or through the API. Its rules
 * are checked by the ledger service (EntryRules), the same for all three doors.
 */
public class EntryForm {

    private Long campaignId;
    private Long taskTypeId;
    private Long orgId;
    private List<Long> memberIds = new ArrayList<>();
    private String title;
    private String description;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    private String regionCode;
    private Integer households;
    private Integer persons;
    private String partner;
    private Map<Long, BigDecimal> values = new LinkedHashMap<>();
    private BigDecimal latitude;
    private BigDecimal longitude;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private OffsetDateTime capturedAt;
    private int version;

    public static EntryForm of(LedgerEntry e, List<Long> memberIds, Map<Long, BigDecimal> values) {
        EntryForm f = new EntryForm();
        f.campaignId = e.campaignId();
        f.taskTypeId = e.taskTypeId();
        f.orgId = e.orgId();
        f.memberIds = new ArrayList<>(memberIds);
        f.title = e.title();
        f.description = e.description();
        f.startDate = e.startDate();
        f.endDate = e.endDate();
        f.regionCode = e.regionCode();
        f.households = e.households();
        f.persons = e.persons();
        f.partner = e.partner();
        f.values = new LinkedHashMap<>(values);
        f.latitude = e.latitude();
        f.longitude = e.longitude();
        f.capturedAt = e.capturedAt();
        f.version = e.version();
        return f;
    }

    public LocalDate effectiveEndDate() {
        return endDate == null ? startDate : endDate;
    }

    /** The values actually given (blank inputs dropped). */
    public Map<Long, BigDecimal> givenValues() {
        Map<Long, BigDecimal> given = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                given.put(k, v);
            }
        });
        return given;
    }

    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getTaskTypeId() { return taskTypeId; }
    public void setTaskTypeId(Long taskTypeId) { this.taskTypeId = taskTypeId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public List<Long> getMemberIds() { return memberIds; }
    public void setMemberIds(List<Long> memberIds) { this.memberIds = memberIds == null ? new ArrayList<>() : new ArrayList<>(memberIds.stream().filter(java.util.Objects::nonNull).distinct().toList()); }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title == null ? null : title.trim(); }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.trim(); }
    public Integer getHouseholds() { return households; }
    public void setHouseholds(Integer households) { this.households = households; }
    public Integer getPersons() { return persons; }
    public void setPersons(Integer persons) { this.persons = persons; }
    public String getPartner() { return partner; }
    public void setPartner(String partner) { this.partner = partner == null || partner.isBlank() ? null : partner.trim(); }
    public Map<Long, BigDecimal> getValues() { return values; }
    public void setValues(Map<Long, BigDecimal> values) { this.values = values == null ? new LinkedHashMap<>() : values; }
    public BigDecimal getLatitude() { return latitude; }
    public void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
    public OffsetDateTime getCapturedAt() { return capturedAt; }
    public void setCapturedAt(OffsetDateTime capturedAt) { this.capturedAt = capturedAt; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
