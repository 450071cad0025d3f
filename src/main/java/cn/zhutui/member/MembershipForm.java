package cn.zhutui.member;

public class MembershipForm {

    private Long orgId;
    private String position = "MEMBER";

    public MembershipForm() {
    }

    public MembershipForm(Long orgId, String position) {
        this.orgId = orgId;
        this.position = position;
    }

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
}
