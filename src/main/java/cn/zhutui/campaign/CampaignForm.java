package cn.zhutui.campaign;

import cn.zhutui.common.PeriodType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

public class CampaignForm {

    @NotNull
    private Long orgId;
    @NotBlank
    @Size(max = 100)
    private String name;
    @Size(max = 200)
    private String fullName;
    private String description;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    @NotNull
    private CampaignStatus status = CampaignStatus.ACTIVE;
    @NotNull
    private PeriodType periodType = PeriodType.QUARTER;
    @Min(0)
    @Max(90)
    private int deadlineDays = 10;
    private List<String> reviewByParent = new ArrayList<>();
    @NotNull
    private Participation participation = Participation.TREE;
    /** SUBTREE: the one org whose subtree takes part; LIST: the units taking part. */
    private List<Long> participantIds = new ArrayList<>();
    private int version;

    public static CampaignForm of(Campaign c) {
        CampaignForm f = new CampaignForm();
        f.orgId = c.orgId();
        f.name = c.name();
        f.fullName = c.fullName();
        f.description = c.description();
        f.startDate = c.startDate();
        f.endDate = c.endDate();
        f.status = c.status();
        f.periodType = c.periodType();
        f.deadlineDays = c.deadlineDays();
        f.reviewByParent = new ArrayList<>(c.reviewByParentLevels());
        f.participation = c.participation();
        f.version = c.version();
        return f;
    }

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.trim(); }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public CampaignStatus getStatus() { return status; }
    public void setStatus(CampaignStatus status) { this.status = status; }
    public PeriodType getPeriodType() { return periodType; }
    public void setPeriodType(PeriodType periodType) { this.periodType = periodType; }
    public int getDeadlineDays() { return deadlineDays; }
    public void setDeadlineDays(int deadlineDays) { this.deadlineDays = deadlineDays; }
    public List<String> getReviewByParent() { return reviewByParent; }
    public void setReviewByParent(List<String> reviewByParent) { this.reviewByParent = reviewByParent == null ? new ArrayList<>() : reviewByParent; }
    public Participation getParticipation() { return participation; }
    public void setParticipation(Participation participation) { this.participation = participation == null ? Participation.TREE : participation; }
    public List<Long> getParticipantIds() { return participantIds; }
    public void setParticipantIds(List<Long> participantIds) { this.participantIds = participantIds == null ? new ArrayList<>() : new ArrayList<>(participantIds.stream().filter(java.util.Objects::nonNull).distinct().toList()); }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
