package cn.zhutui.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a user fills in for a member. The first membership is the member's main org. */
public class MemberForm {

    @NotBlank
    @Size(max = 50)
    private String name;
    @Pattern(regexp = "[MF]")
    private String gender;
    private String ethnicity;
    private String sector;
    private String party;
    @Size(max = 200)
    private String employer;
    @Size(max = 100)
    private String post;
    @Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{member.phone.invalid}")
    private String phone;
    @Size(max = 300)
    private String expertise;
    private String term;
    @Size(max = 500)
    private String remark;
    private int version;
    @Valid
    private List<MembershipForm> memberships = new ArrayList<>();

    public static MemberForm of(Member m, List<Membership> memberships) {
        MemberForm f = new MemberForm();
        f.name = m.name();
        f.gender = m.gender();
        f.ethnicity = m.ethnicity();
        f.sector = m.sector();
        f.party = m.party();
        f.employer = m.employer();
        f.post = m.post();
        f.phone = m.phone();
        f.expertise = String.join("、", m.expertise());
        f.term = m.term();
        f.remark = m.remark();
        f.version = m.version();
        memberships.stream().sorted((a, b) -> Boolean.compare(b.main(), a.main()))
                .forEach(ms -> f.memberships.add(new MembershipForm(ms.orgId(), ms.position())));
        return f;
    }

    /** Expertise typed as "农业、电商, 医疗" → [农业, 电商, 医疗]. */
    public List<String> expertiseList() {
        if (expertise == null || expertise.isBlank()) {
            return List.of();
        }
        return Arrays.stream(expertise.split("[、,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Memberships actually chosen (blank rows of the form dropped). */
    public List<MembershipForm> chosenMemberships() {
        return memberships.stream().filter(m -> m.getOrgId() != null).toList();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.trim(); }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = emptyToNull(gender); }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String ethnicity) { this.ethnicity = emptyToNull(ethnicity); }
    public String getSector() { return sector; }
    public void setSector(String sector) { this.sector = emptyToNull(sector); }
    public String getParty() { return party; }
    public void setParty(String party) { this.party = emptyToNull(party); }
    public String getEmployer() { return employer; }
    public void setEmployer(String employer) { this.employer = employer; }
    public String getPost() { return post; }
    public void setPost(String post) { this.post = post; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone == null ? null : phone.trim(); }
    public String getExpertise() { return expertise; }
    public void setExpertise(String expertise) { this.expertise = expertise; }
    public String getTerm() { return term; }
    public void setTerm(String term) { this.term = emptyToNull(term); }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public List<MembershipForm> getMemberships() { return memberships; }
    public void setMemberships(List<MembershipForm> memberships) { this.memberships = memberships; }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
