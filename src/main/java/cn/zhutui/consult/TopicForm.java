package cn.zhutui.consult;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What is filled in for a topic, on the page, on a phone or in a spreadsheet row: the same rules for each door (ConsultRules). */
public class TopicForm {

    public static TopicForm of(Topic t) {
        TopicForm f = new TopicForm();
        f.platformId = t.platformId();
        f.title = t.title();
        f.description = t.description();
        f.source = t.source();
        f.raisedBy = t.raisedBy();
        f.raisedMemberId = t.raisedMemberId();
        f.raisedOn = t.raisedOn();
        f.regionCode = t.regionCode();
        f.affected = t.affected();
        f.households = t.households();
        f.version = t.version();
        return f;
    }


    private Long platformId;
    private String title;
    private String description;
    private String source;
    private String raisedBy;
    private Long raisedMemberId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate raisedOn;
    private String regionCode;
    private String affected;
    private Integer households;
    private int version;

    public Long getPlatformId() {
        return platformId;
    }

    public void setPlatformId(Long platformId) {
        this.platformId = platformId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public void setRaisedBy(String raisedBy) {
        this.raisedBy = raisedBy;
    }

    public Long getRaisedMemberId() {
        return raisedMemberId;
    }

    public void setRaisedMemberId(Long raisedMemberId) {
        this.raisedMemberId = raisedMemberId;
    }

    public LocalDate getRaisedOn() {
        return raisedOn;
    }

    public void setRaisedOn(LocalDate raisedOn) {
        this.raisedOn = raisedOn;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getAffected() {
        return affected;
    }

    public void setAffected(String affected) {
        this.affected = affected;
    }

    public Integer getHouseholds() {
        return households;
    }

    public void setHouseholds(Integer households) {
        this.households = households;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
