package cn.zhutui.pairing;

import cn.zhutui.household.Goal;
import cn.zhutui.household.GoalStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A visit as filled in on the phone (online or offline), the office's page or the API. Besides the
 * visit itself it may tick duty items the visit accomplished (the visit is their evidence), record
 * the household's "四个有" for the quarter, and record the work in the ledger in the same step.
 */
public class VisitForm {

    private Long pairingId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate visitDate;
    private String notes;
    private Integer problemsFound;
    private Integer problemsSolved;
    private BigDecimal funds;
    private Integer projects;
    private List<Long> memberIds = new ArrayList<>();
    private String otherVisitors;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private OffsetDateTime recordedAt;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private List<Long> dutyItemIds = new ArrayList<>();
    private Map<Goal, GoalStatus> goals = new EnumMap<>(Goal.class);
    private boolean recordLedger;
    private Long ledgerCampaignId;
    private Long ledgerTaskTypeId;
    private Map<Long, BigDecimal> ledgerValues = new LinkedHashMap<>();
    private int version;

    public static VisitForm of(Visit v, List<VisitPerson> people) {
        VisitForm f = new VisitForm();
        f.pairingId = v.pairingId();
        f.visitDate = v.visitDate();
        f.notes = v.notes();
        f.problemsFound = v.problemsFound();
        f.problemsSolved = v.problemsSolved();
        f.funds = v.funds();
        f.projects = v.projects();
        f.memberIds = new ArrayList<>(people.stream().filter(p -> p.memberId() != null).map(VisitPerson::memberId).toList());
        f.otherVisitors = String.join("、", people.stream().filter(p -> p.memberId() == null && p.userId() == null).map(VisitPerson::name).toList());
        f.recordedAt = v.recordedAt();
        f.latitude = v.latitude();
        f.longitude = v.longitude();
        f.version = v.version();
        return f;
    }

    /** The names typed in "others who went", split at 、 , ， ; ；. */
    public List<String> otherVisitorNames() {
        if (otherVisitors == null || otherVisitors.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(otherVisitors.split("[、,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The goals given (blank choices dropped). */
    public Map<Goal, GoalStatus> givenGoals() {
        Map<Goal, GoalStatus> m = new EnumMap<>(Goal.class);
        goals.forEach((k, v) -> {
            if (k != null && v != null) {
                m.put(k, v);
            }
        });
        return m;
    }

    public Map<Long, BigDecimal> givenLedgerValues() {
        Map<Long, BigDecimal> m = new LinkedHashMap<>();
        ledgerValues.forEach((k, v) -> {
            if (k != null && v != null) {
                m.put(k, v);
            }
        });
        return m;
    }

    public Long getPairingId() { return pairingId; }
    public void setPairingId(Long pairingId) { this.pairingId = pairingId; }
    public LocalDate getVisitDate() { return visitDate; }
    public void setVisitDate(LocalDate visitDate) { this.visitDate = visitDate; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes == null || notes.isBlank() ? null : notes.trim(); }
    public Integer getProblemsFound() { return problemsFound; }
    public void setProblemsFound(Integer problemsFound) { this.problemsFound = problemsFound; }
    public Integer getProblemsSolved() { return problemsSolved; }
    public void setProblemsSolved(Integer problemsSolved) { this.problemsSolved = problemsSolved; }
    public BigDecimal getFunds() { return funds; }
    public void setFunds(BigDecimal funds) { this.funds = funds; }
    public Integer getProjects() { return projects; }
    public void setProjects(Integer projects) { this.projects = projects; }
    public List<Long> getMemberIds() { return memberIds; }
    public void setMemberIds(List<Long> memberIds) { this.memberIds = memberIds == null ? new ArrayList<>() : new ArrayList<>(memberIds.stream().filter(java.util.Objects::nonNull).distinct().toList()); }
    public String getOtherVisitors() { return otherVisitors; }
    public void setOtherVisitors(String otherVisitors) { this.otherVisitors = otherVisitors; }
    public OffsetDateTime getRecordedAt() { return recordedAt; }
    public void setRecordedAt(OffsetDateTime recordedAt) { this.recordedAt = recordedAt; }
    public BigDecimal getLatitude() { return latitude; }
    public void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
    public List<Long> getDutyItemIds() { return dutyItemIds; }
    public void setDutyItemIds(List<Long> dutyItemIds) { this.dutyItemIds = dutyItemIds == null ? new ArrayList<>() : new ArrayList<>(dutyItemIds.stream().filter(java.util.Objects::nonNull).distinct().toList()); }
    public Map<Goal, GoalStatus> getGoals() { return goals; }
    public void setGoals(Map<Goal, GoalStatus> goals) { this.goals = goals == null ? new EnumMap<>(Goal.class) : goals; }
    public boolean isRecordLedger() { return recordLedger; }
    public void setRecordLedger(boolean recordLedger) { this.recordLedger = recordLedger; }
    /** The campaign whose task types the form offered (a form kept offline may be sent after another campaign began). */
    public Long getLedgerCampaignId() { return ledgerCampaignId; }
    public void setLedgerCampaignId(Long ledgerCampaignId) { this.ledgerCampaignId = ledgerCampaignId; }
    public Long getLedgerTaskTypeId() { return ledgerTaskTypeId; }
    public void setLedgerTaskTypeId(Long ledgerTaskTypeId) { this.ledgerTaskTypeId = ledgerTaskTypeId; }
    public Map<Long, BigDecimal> getLedgerValues() { return ledgerValues; }
    public void setLedgerValues(Map<Long, BigDecimal> ledgerValues) { this.ledgerValues = ledgerValues == null ? new LinkedHashMap<>() : ledgerValues; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
