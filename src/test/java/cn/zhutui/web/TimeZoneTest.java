package cn.zhutui.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.DataScope;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every time a person sees is Beijing time: a record made at 22:35 UTC on the 29th shows as 06:35
 * on the next day — in the entry's history, the audit log and the notification list.
 */
@IntegrationTest
class TimeZoneTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void timesNearMidnightUtcShowTheBeijingDay() throws Exception {
        DataScope staff = scopes.of("luquan.staff");
        String title = "午夜" + UUID.randomUUID().toString().substring(0, 6);
        long id = ledger.create(staff, fx.sales(title, fx.membersOf(DemoAccounts.LUQUAN).get(0), "1"), EntrySource.WEB, true);
        ledger.returnEntry(scopes.of("luquan.reviewer"), id, ledger.get(staff, id).version(), "时区测试");
        jdbc.sql("UPDATE audit_log SET at = TIMESTAMPTZ '2026-12-31 22:35:00+00' WHERE entity_type = 'ledger_entry' AND entity_id = :id")
                .param("id", String.valueOf(id)).update();
        jdbc.sql("UPDATE notification SET created_at = TIMESTAMPTZ '2026-12-31 22:35:00+00' WHERE link = :link").param("link", "/entries/" + id).update();

        String page = mvc.perform(get("/entries/" + id).with(user(users.loadUserByUsername("luquan.staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2027-01-01 06:35").doesNotContain("2026-12-31 22:35");
        String audit = mvc.perform(get("/admin/audit?entityType=ledger_entry&entityId=" + id).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("2027-01-01 06:35:00").doesNotContain("2026-12-31 22:35");
        String notices = mvc.perform(get("/notifications").with(user(users.loadUserByUsername("luquan.staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(notices).contains("2027-01-01 06:35");
    }
}
