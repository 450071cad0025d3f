package cn.zhutui.demo;

import cn.zhutui.common.Role;
import java.util.List;
import java.util.Set;

/** The demo logins, printed at start-up and used by the browser tests. */
public final class DemoAccounts {

    public record Account(String username, String displayName, String orgRegionCode, Set<Role> roles, String note) {
    }

    /** 禄劝彝族苗族自治县 (Kunming): the county the demo's county users work in. */
    public static final String LUQUAN = "530128";
    /** 武定县 (Chuxiong): a second county, to show that scopes do not overlap. */
    public static final String WUDING = "532329";
    /** 屏山街道, a township of Luquan: the demo cadre's region. */
    public static final String LUQUAN_TOWNSHIP = "530128001";

    public static final List<Account> ALL = List.of(
            new Account("admin", "系统管理员", "53", Set.of(Role.ADMIN), "省政协 · 系统管理员"),
            new Account("province.staff", "省政协办公厅工作人员", "53", Set.of(Role.STAFF), "省政协 · 工作人员"),
            new Account("province.reviewer", "省政协审核人", "53", Set.of(Role.REVIEWER), "省政协 · 审核人"),
            new Account("leader", "省政协领导", "53", Set.of(Role.VIEWER), "省政协 · 领导查看"),
            new Account("kunming.staff", "昆明市政协工作人员", "5301", Set.of(Role.STAFF, Role.REVIEWER), "昆明市政协 · 工作人员+审核人"),
            new Account("luquan.staff", "禄劝县政协工作人员", LUQUAN, Set.of(Role.STAFF), "禄劝县政协 · 工作人员"),
            new Account("luquan.reviewer", "禄劝县政协审核人", LUQUAN, Set.of(Role.REVIEWER), "禄劝县政协 · 审核人"),
            new Account("wuding.staff", "武定县政协工作人员", WUDING, Set.of(Role.STAFF), "武定县政协 · 工作人员"),
            new Account("member.demo", null, LUQUAN, Set.of(Role.MEMBER), "禄劝县政协委员"),
            new Account("cadre.demo", "屏山街道干部", LUQUAN, Set.of(Role.CADRE), "禄劝县屏山街道 · 乡村干部"));

    private DemoAccounts() {
    }
}
