package cn.zhutui.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A household as registered (on the page, in a spreadsheet row, through the API): where it lives,
 * its head, its phone, its tags and last year's income per head. On an update only the
 * household's own fields count (the head's details change through the head's person record).
 */
public class HouseholdForm {

    private String regionCode;
    private String address;
    private String headName;
    private String headIdNumber;
    private String headGender;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate headBirthDate;
    private String headLabour;
    private String headHealth;
    private String headSchooling;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registeredOn;
    private String phone;
    private List<String> tags = new ArrayList<>();
    private BigDecimal incomePerHead;
    private Integer incomeYear;
    private int version;

    public static HouseholdForm of(Household h, String phone) {
        HouseholdForm f = new HouseholdForm();
        f.regionCode = h.regionCode();
        f.address = h.address();
        f.headName = h.headName();
        f.phone = phone;
        f.tags = new ArrayList<>(h.tags());
        f.version = h.version();
        return f;
    }

    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = blank(regionCode); }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = blank(address); }
    public String getHeadName() { return headName; }
    public void setHeadName(String headName) { this.headName = blank(headName); }
    public String getHeadIdNumber() { return headIdNumber; }
    public void setHeadIdNumber(String headIdNumber) { this.headIdNumber = IdNumbers.normalise(headIdNumber); }
    public String getHeadGender() { return headGender; }
    public void setHeadGender(String headGender) { this.headGender = blank(headGender); }
    public LocalDate getHeadBirthDate() { return headBirthDate; }
    public void setHeadBirthDate(LocalDate headBirthDate) { this.headBirthDate = headBirthDate; }
    public String getHeadLabour() { return headLabour; }
    public void setHeadLabour(String headLabour) { this.headLabour = blank(headLabour); }
    public String getHeadHealth() { return headHealth; }
    public void setHeadHealth(String headHealth) { this.headHealth = blank(headHealth); }
    public String getHeadSchooling() { return headSchooling; }
    public void setHeadSchooling(String headSchooling) { this.headSchooling = blank(headSchooling); }
    public LocalDate getRegisteredOn() { return registeredOn; }
    public void setRegisteredOn(LocalDate registeredOn) { this.registeredOn = registeredOn; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s-]", ""); }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags.stream().filter(t -> t != null && !t.isBlank()).distinct().toList()); }
    public BigDecimal getIncomePerHead() { return incomePerHead; }
    public void setIncomePerHead(BigDecimal incomePerHead) { this.incomePerHead = incomePerHead; }
    public Integer getIncomeYear() { return incomeYear; }
    public void setIncomeYear(Integer incomeYear) { this.incomeYear = incomeYear; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
