package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A measure of the plan as entered or changed: type, what, the responsible unit and person, when, how much, its status. */
public class MeasureForm {

    private int version;
    private MeasureType type;
    private String description;
    private String responsibleUnit;
    private String responsiblePerson;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate plannedOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate doneOn;
    private BigDecimal amount;
    private MeasureStatus status = MeasureStatus.PLANNED;

    public static MeasureForm of(Measure m) {
        MeasureForm f = new MeasureForm();
        f.version = m.version();
        f.type = m.type();
        f.description = m.description();
        f.responsibleUnit = m.responsibleUnit();
        f.responsiblePerson = m.responsiblePerson();
        f.plannedOn = m.plannedOn();
        f.doneOn = m.doneOn();
        f.amount = m.amount();
        f.status = m.status();
        return f;
    }

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public MeasureType getType() { return type; }
    public void setType(MeasureType type) { this.type = type; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getResponsibleUnit() { return responsibleUnit; }
    public void setResponsibleUnit(String responsibleUnit) { this.responsibleUnit = responsibleUnit; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public void setResponsiblePerson(String responsiblePerson) { this.responsiblePerson = responsiblePerson; }
    public LocalDate getPlannedOn() { return plannedOn; }
    public void setPlannedOn(LocalDate plannedOn) { this.plannedOn = plannedOn; }
    public LocalDate getDoneOn() { return doneOn; }
    public void setDoneOn(LocalDate doneOn) { this.doneOn = doneOn; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public MeasureStatus getStatus() { return status; }
    public void setStatus(MeasureStatus status) { this.status = status; }
}
