package cn.zhutui.consult;

import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** When and where a meeting is held, by whom, and its agenda. */
public class MeetingForm {

    public static MeetingForm of(Meeting m) {
        MeetingForm f = new MeetingForm();
        f.topicId = m.topicId();
        f.title = m.title();
        f.heldOn = m.heldOn();
        f.startTime = m.startTime();
        f.place = m.place();
        f.hostMemberId = m.hostMemberId();
        f.agenda = m.agenda();
        f.version = m.version();
        return f;
    }


    private Long topicId;
    private String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate heldOn;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime startTime;
    private String place;
    private Long hostMemberId;
    private String agenda;
    private int version;

    public Long getTopicId() {
        return topicId;
    }

    public void setTopicId(Long topicId) {
        this.topicId = topicId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public Long getHostMemberId() {
        return hostMemberId;
    }

    public void setHostMemberId(Long hostMemberId) {
        this.hostMemberId = hostMemberId;
    }

    public String getAgenda() {
        return agenda;
    }

    public void setAgenda(String agenda) {
        this.agenda = agenda;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
