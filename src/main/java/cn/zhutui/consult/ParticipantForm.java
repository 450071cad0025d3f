package cn.zhutui.consult;

/** A person added to a meeting: a member (by id) or anyone by name, with their role and affiliation. */
public class ParticipantForm {

    private Long memberId;
    private String name;
    private String role;
    private String affiliation;

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getAffiliation() {
        return affiliation;
    }

    public void setAffiliation(String affiliation) {
        this.affiliation = affiliation;
    }
}
