package cn.zhutui.pairing;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A pairing as made on the page, in a spreadsheet row or through the API. Which of the helper and
 * target fields count depends on the kind: memberId, helperOrgId or cadre (name, and the user if
 * they have an account); householdId, industryId or regionCode (village or county).
 */
public class PairingForm {

    private PairingKind kind;
    private Long orgId;
    private Long memberId;
    private Long helperOrgId;
    private Long cadreUserId;
    private String cadreName;
    private Long householdId;
    private Long industryId;
    private String regionCode;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    private String note;
    private int version;

    public static PairingForm of(Pairing p) {
        PairingForm f = new PairingForm();
        f.kind = p.kind();
        f.orgId = p.orgId();
        f.memberId = p.memberId();
        f.helperOrgId = p.helperOrgId();
        f.cadreUserId = p.cadreUserId();
        f.cadreName = p.cadreName();
        f.householdId = p.householdId();
        f.industryId = p.industryId();
        f.regionCode = p.regionCode();
        f.startDate = p.startDate();
        f.endDate = p.endDate();
        f.note = p.note();
        f.version = p.version();
        return f;
    }

    public PairingKind getKind() { return kind; }
    public void setKind(PairingKind kind) { this.kind = kind; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getHelperOrgId() { return helperOrgId; }
    public void setHelperOrgId(Long helperOrgId) { this.helperOrgId = helperOrgId; }
    public Long getCadreUserId() { return cadreUserId; }
    public void setCadreUserId(Long cadreUserId) { this.cadreUserId = cadreUserId; }
    public String getCadreName() { return cadreName; }
    public void setCadreName(String cadreName) { this.cadreName = cadreName == null || cadreName.isBlank() ? null : cadreName.trim(); }
    public Long getHouseholdId() { return householdId; }
    public void setHouseholdId(Long householdId) { this.householdId = householdId; }
    public Long getIndustryId() { return industryId; }
    public void setIndustryId(Long industryId) { this.industryId = industryId; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.trim(); }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note == null || note.isBlank() ? null : note.trim(); }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
