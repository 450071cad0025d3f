package cn.zhutui.monitor;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A review of a case at its level: the day, agreed or not, a note (the reason when not agreed);
 * for the village's democratic review also how many took part and the notice — where it hangs and
 * from when to when (at least 5 days); for the county's decision the kind decided.
 */
public class ReviewForm {

    private int version;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate decidedOn;
    private Boolean agreed;
    private String note;
    private Integer participants;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate noticeStart;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate noticeEnd;
    private String noticePlace;
    private MonitorKind kind;

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public void setDecidedOn(LocalDate decidedOn) { this.decidedOn = decidedOn; }
    public Boolean getAgreed() { return agreed; }
    public void setAgreed(Boolean agreed) { this.agreed = agreed; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Integer getParticipants() { return participants; }
    public void setParticipants(Integer participants) { this.participants = participants; }
    public LocalDate getNoticeStart() { return noticeStart; }
    public void setNoticeStart(LocalDate noticeStart) { this.noticeStart = noticeStart; }
    public LocalDate getNoticeEnd() { return noticeEnd; }
    public void setNoticeEnd(LocalDate noticeEnd) { this.noticeEnd = noticeEnd; }
    public String getNoticePlace() { return noticePlace; }
    public void setNoticePlace(String noticePlace) { this.noticePlace = noticePlace; }
    public MonitorKind getKind() { return kind; }
    public void setKind(MonitorKind kind) { this.kind = kind; }
}
