package cn.zhutui.consult;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What is filled in for a platform: its name, level, place, venue; the committee running it is the user's own. */
public class PlatformForm {

    public static PlatformForm of(Platform p) {
        PlatformForm f = new PlatformForm();
        f.name = p.name();
        f.level = p.level();
        f.regionCode = p.regionCode();
        f.venue = p.venue();
        f.description = p.description();
        f.establishedOn = p.establishedOn();
        f.active = p.active();
        f.version = p.version();
        return f;
    }


    private String name;
    private String level;
    private String regionCode;
    private String venue;
    private String description;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate establishedOn;
    private boolean active = true;
    private int version;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getEstablishedOn() {
        return establishedOn;
    }

    public void setEstablishedOn(LocalDate establishedOn) {
        this.establishedOn = establishedOn;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
