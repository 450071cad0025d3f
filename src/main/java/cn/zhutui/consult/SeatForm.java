package cn.zhutui.consult;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A seat on a platform's council: a member of the committee or a person named, with identity and role. */
public class SeatForm {

    private Long memberId;
    private String name;
    private String identity;
    private String role;
    private String affiliation;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate since;

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

    public String getIdentity() {
        return identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
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

    public LocalDate getSince() {
        return since;
    }

    public void setSince(LocalDate since) {
        this.since = since;
    }
}
