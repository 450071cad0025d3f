package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A clue as a cadre records it in the field (the phone form): the household (picked by name, or
 * found by an ID number through the keyed hash), how it came — the household's own report (made by
 * the cadre's hand, or by someone on its behalf) or the cadre's check — the risk categories, what
 * happened and the sum involved.
 */
public class ClueForm {

    private Long householdId;
    private String idNumber;
    private Channel channel = Channel.SELF_REPORT;
    private List<RiskReason> reasons = new ArrayList<>();
    private String description;
    private BigDecimal amount;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reportedOn;
    private boolean onBehalf;
    private String reporter;
    private String idempotencyKey;

    public Long getHouseholdId() { return householdId; }
    public void setHouseholdId(Long householdId) { this.householdId = householdId; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public List<RiskReason> getReasons() { return reasons; }
    public void setReasons(List<RiskReason> reasons) { this.reasons = reasons == null ? new ArrayList<>() : reasons; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public LocalDate getReportedOn() { return reportedOn; }
    public void setReportedOn(LocalDate reportedOn) { this.reportedOn = reportedOn; }
    public boolean isOnBehalf() { return onBehalf; }
    public void setOnBehalf(boolean onBehalf) { this.onBehalf = onBehalf; }
    public String getReporter() { return reporter; }
    public void setReporter(String reporter) { this.reporter = reporter; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
