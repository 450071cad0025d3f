package cn.zhutui.household;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person joining a household (relation and date), or a person's details changed (name, ID
 * number, labour ability, health, schooling; relation and date then do not count).
 */
public class PersonForm {

    private String name;
    private String idNumber;
    private String gender;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;
    private String relation;
    private String labour;
    private String health;
    private String schooling;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate joinedOn;
    private int version;

    public static PersonForm of(HouseholdMember m) {
        PersonForm f = new PersonForm();
        f.name = m.name();
        f.gender = m.gender();
        f.birthDate = m.birthDate();
        f.relation = m.relation();
        f.labour = m.labour();
        f.health = m.health();
        f.schooling = m.schooling();
        f.joinedOn = m.joinedOn();
        f.version = m.personVersion();
        return f;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = HouseholdForm.blank(name); }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = IdNumbers.normalise(idNumber); }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = HouseholdForm.blank(gender); }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getRelation() { return relation; }
    public void setRelation(String relation) { this.relation = HouseholdForm.blank(relation); }
    public String getLabour() { return labour; }
    public void setLabour(String labour) { this.labour = HouseholdForm.blank(labour); }
    public String getHealth() { return health; }
    public void setHealth(String health) { this.health = HouseholdForm.blank(health); }
    public String getSchooling() { return schooling; }
    public void setSchooling(String schooling) { this.schooling = HouseholdForm.blank(schooling); }
    public LocalDate getJoinedOn() { return joinedOn; }
    public void setJoinedOn(LocalDate joinedOn) { this.joinedOn = joinedOn; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
