package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The home visit (入户核实) and the household's signed consent (承诺授权): who went, what they found —
 * income per head of the last 12 months, compliant out-of-pocket spending, the risks — the kind
 * proposed, and the day the household signed (without it the case cannot go on).
 */
public class HomeVisitForm {

    private int version;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate visitedOn;
    private String visitors;
    private String findings;
    private BigDecimal incomePerHead;
    private BigDecimal expense;
    private List<RiskReason> reasons = new ArrayList<>();
    private MonitorKind kind;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate consentOn;
    /** whether anyone of the household can work (proposed from the registry, confirmed by the visitor) */
    private Boolean hasLabour;

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public LocalDate getVisitedOn() { return visitedOn; }
    public void setVisitedOn(LocalDate visitedOn) { this.visitedOn = visitedOn; }
    public String getVisitors() { return visitors; }
    public void setVisitors(String visitors) { this.visitors = visitors; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
    public BigDecimal getIncomePerHead() { return incomePerHead; }
    public void setIncomePerHead(BigDecimal incomePerHead) { this.incomePerHead = incomePerHead; }
    public BigDecimal getExpense() { return expense; }
    public void setExpense(BigDecimal expense) { this.expense = expense; }
    public List<RiskReason> getReasons() { return reasons; }
    public void setReasons(List<RiskReason> reasons) { this.reasons = reasons == null ? new ArrayList<>() : reasons; }
    public MonitorKind getKind() { return kind; }
    public void setKind(MonitorKind kind) { this.kind = kind; }
    public LocalDate getConsentOn() { return consentOn; }
    public void setConsentOn(LocalDate consentOn) { this.consentOn = consentOn; }
    public Boolean getHasLabour() { return hasLabour; }
    public void setHasLabour(Boolean hasLabour) { this.hasLabour = hasLabour; }
}
