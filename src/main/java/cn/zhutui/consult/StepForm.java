package cn.zhutui.consult;

/** A step of a committee's procedure as edited by its office. */
public class StepForm {

    public static StepForm of(Step s) {
        StepForm f = new StepForm();
        f.name = s.name();
        f.nameEn = s.nameEn();
        f.requirement = s.requirement();
        f.enabled = s.enabled();
        f.version = s.version();
        return f;
    }


    private String name;
    private String nameEn;
    private StepCheck requirement = StepCheck.NONE;
    private boolean enabled = true;
    private int version;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public StepCheck getRequirement() {
        return requirement;
    }

    public void setRequirement(StepCheck requirement) {
        this.requirement = requirement;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
