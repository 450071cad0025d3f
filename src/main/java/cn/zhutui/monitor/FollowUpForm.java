package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A follow-up visit as recorded: the day, who went, what they saw; or a pairing visit of the household chosen as the visit. */
public class FollowUpForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate visitedOn;
    private String visitors;
    private String notes;
    private BigDecimal incomePerHead;
    private boolean rigidCostsSolved;
    private boolean schoolOk;
    private boolean medicalOk;
    private boolean housingOk;
    private boolean waterOk;
    private Long pairingVisitId;

    public LocalDate getVisitedOn() { return visitedOn; }
    public void setVisitedOn(LocalDate visitedOn) { this.visitedOn = visitedOn; }
    public String getVisitors() { return visitors; }
    public void setVisitors(String visitors) { this.visitors = visitors; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public BigDecimal getIncomePerHead() { return incomePerHead; }
    public void setIncomePerHead(BigDecimal incomePerHead) { this.incomePerHead = incomePerHead; }
    public boolean isRigidCostsSolved() { return rigidCostsSolved; }
    public void setRigidCostsSolved(boolean rigidCostsSolved) { this.rigidCostsSolved = rigidCostsSolved; }
    public boolean isSchoolOk() { return schoolOk; }
    public void setSchoolOk(boolean schoolOk) { this.schoolOk = schoolOk; }
    public boolean isMedicalOk() { return medicalOk; }
    public void setMedicalOk(boolean medicalOk) { this.medicalOk = medicalOk; }
    public boolean isHousingOk() { return housingOk; }
    public void setHousingOk(boolean housingOk) { this.housingOk = housingOk; }
    public boolean isWaterOk() { return waterOk; }
    public void setWaterOk(boolean waterOk) { this.waterOk = waterOk; }
    public Long getPairingVisitId() { return pairingVisitId; }
    public void setPairingVisitId(Long pairingVisitId) { this.pairingVisitId = pairingVisitId; }
}
