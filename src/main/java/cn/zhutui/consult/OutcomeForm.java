package cn.zhutui.consult;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** An outcome agreed at a meeting: the action, who carries it out, by when. */
public class OutcomeForm {

    public static OutcomeForm of(Outcome o) {
        OutcomeForm f = new OutcomeForm();
        f.action = o.action();
        f.responsible = o.responsible();
        f.deadline = o.deadline();
        f.version = o.version();
        return f;
    }


    private String action;
    private String responsible;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadline;
    private int version;

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getResponsible() {
        return responsible;
    }

    public void setResponsible(String responsible) {
        this.responsible = responsible;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
