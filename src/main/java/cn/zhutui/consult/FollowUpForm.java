package cn.zhutui.consult;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A follow-up note on an outcome: the day, the stage reached and what was done. */
public class FollowUpForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate notedOn;
    private String stage;
    private String note;

    public LocalDate getNotedOn() {
        return notedOn;
    }

    public void setNotedOn(LocalDate notedOn) {
        this.notedOn = notedOn;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
