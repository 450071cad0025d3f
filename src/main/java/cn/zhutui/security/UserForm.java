package cn.zhutui.security;

import cn.zhutui.common.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

public class UserForm {

    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9_.\\-]{3,50}", message = "{user.username.invalid}")
    private String username;
    @Pattern(regexp = "^$|^1\\d{10}$", message = "{member.phone.invalid}")
    private String phone;
    @NotBlank
    @Size(max = 50)
    private String displayName;
    @NotNull
    private Long orgId;
    @jakarta.validation.constraints.Email
    @Size(max = 200)
    private String email;
    private String regionCode;
    private Long memberId;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private boolean enabled = true;
    private int version;

    public static UserForm of(UserAccount u) {
        UserForm f = new UserForm();
        f.username = u.username();
        f.phone = u.phone();
        f.displayName = u.displayName();
        f.orgId = u.orgId();
        f.email = u.email();
        f.regionCode = u.regionCode();
        f.memberId = u.memberId();
        f.roles = u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles());
        f.enabled = u.enabled();
        f.version = u.version();
        return f;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username == null ? null : username.trim(); }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone == null || phone.isBlank() ? null : phone.trim(); }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null || email.isBlank() ? null : email.trim(); }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.trim(); }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
