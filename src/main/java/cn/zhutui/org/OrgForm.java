package cn.zhutui.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a user fills in to create or edit an org. */
public class OrgForm {

    private Long parentId;
    @NotBlank
    @Size(max = 100)
    private String name;
    @NotNull
    private OrgKind kind;
    @NotNull
    private OrgLevel level;
    private String regionCode;
    private Integer sort = 0;
    @Size(max = 500)
    private String remark;
    private int version;

    public static OrgForm of(Org org) {
        OrgForm f = new OrgForm();
        f.parentId = org.parentId();
        f.name = org.name();
        f.kind = org.kind();
        f.level = org.level();
        f.regionCode = org.regionCode();
        f.sort = org.sort();
        f.remark = org.remark();
        f.version = org.version();
        return f;
    }

    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public OrgKind getKind() { return kind; }
    public void setKind(OrgKind kind) { this.kind = kind; }
    public OrgLevel getLevel() { return level; }
    public void setLevel(OrgLevel level) { this.level = level; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.trim(); }
    public int getSort() { return sort == null ? 0 : sort; }
    public void setSort(Integer sort) { this.sort = sort == null ? 0 : sort; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
