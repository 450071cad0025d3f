package cn.zhutui.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.WorkItem;
import cn.zhutui.household.Household;
import cn.zhutui.org.OrgForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Oversight: reminders go into the one notification list grouped — one per person per quarter
 * listing their households, one per committee, one per level above naming its late units — and
 * never twice; the workbench shows what waits; figures follow a pairing's org when it moves.
 */
@IntegrationTest
class PairingOversightTest {

    @Autowired
    PairingReminders reminders;
    @Autowired
    PairingWorkItems workItems;
    @Autowired
    OversightService oversight;
    @Autowired
    PairingService pairings;
    @Autowired
    VisitService visits;
    @Autowired
    PairingFixtures fx;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PairingFactsCheck factsCheck;

    private long notices(String username, String kind) {
        return jdbc.sql("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = :u AND n.kind = :k")
                .param("u", username).param("k", kind).query(Long.class).single();
    }

    @Test
    void remindersAreGroupedPerPersonUnitAndLevelAboveAndSentOnce() {
        Period quarter = Period.containing(pairings.today(), PeriodType.QUARTER);
        DataScope member = scopes.of("member.demo");
        long unvisited = oversight.pairingsOf(member, null, member.memberId(), quarter).stream().filter(PairingCompliance::notVisited).count();
        assertThat(unvisited).isPositive();

        // in the quarter's last month: one notice to the member listing their households, one to each committee's staff
        LocalDate lastMonth = quarter.end().withDayOfMonth(5);
        long memberBefore = notices("member.demo", "PAIRING_DUE");
        long staffBefore = notices("luquan.staff", "PAIRING_UNIT");
        int sent = reminders.run(lastMonth);
        assertThat(sent).isPositive();
        assertThat(notices("member.demo", "PAIRING_DUE")).isEqualTo(memberBefore + 1);
        assertThat(notices("luquan.staff", "PAIRING_UNIT")).isEqualTo(staffBefore + 1);
        String args = jdbc.sql("""
                        SELECT n.args::text FROM notification n JOIN app_user u ON u.id = n.user_id
                         WHERE u.username = 'member.demo' AND n.kind = 'PAIRING_DUE' ORDER BY n.id DESC LIMIT 1""").query(String.class).single();
        assertThat(args).contains(quarter.label(java.util.Locale.SIMPLIFIED_CHINESE)).contains(String.valueOf(unvisited));
        // the next day: nothing new
        assertThat(reminders.run(lastMonth.plusDays(1))).isZero();
        assertThat(notices("member.demo", "PAIRING_DUE")).isEqualTo(memberBefore + 1);

        // after the quarter: the level above (Kunming) hears once which of its units left pairings unvisited
        long aboveBefore = notices("kunming.staff", "PAIRING_OVERDUE");
        reminders.run(quarter.next().start().plusDays(2));
        assertThat(notices("kunming.staff", "PAIRING_OVERDUE")).isEqualTo(aboveBefore + 1);
        String above = jdbc.sql("""
                        SELECT n.args::text FROM notification n JOIN app_user u ON u.id = n.user_id
                         WHERE u.username = 'kunming.staff' AND n.kind = 'PAIRING_OVERDUE' ORDER BY n.id DESC LIMIT 1""").query(String.class).single();
        assertThat(above).contains("禄劝彝族苗族自治县政协");
        reminders.run(quarter.next().start().plusDays(3));
        assertThat(notices("kunming.staff", "PAIRING_OVERDUE")).isEqualTo(aboveBefore + 1);
    }

    @Test
    void theWorkbenchShowsEachPersonWhatWaits() {
        Period quarter = Period.containing(pairings.today(), PeriodType.QUARTER);
        DataScope member = scopes.of("member.demo");
        List<WorkItem> mine = workItems.items(member);
        long unvisited = oversight.pairingsOf(member, null, member.memberId(), quarter).stream().filter(PairingCompliance::notVisited).count();
        assertThat(mine).filteredOn(i -> i.labelCode().equals("pairing.work.myVisits")).singleElement()
                .satisfies(i -> {
                    assertThat(i.count()).isEqualTo(unvisited);
                    assertThat(i.link()).isEqualTo("/field/");
                });
        List<WorkItem> office = workItems.items(fx.staff());
        assertThat(office).extracting(WorkItem::labelCode).containsExactly("pairing.work.notVisited", "pairing.work.onePlusOne", "pairing.work.duplicates");
        assertThat(office.get(0).count()).isEqualTo(oversight.compliance(fx.staff(), null, quarter).total().notVisited());
        assertThat(office.get(1).count()).isEqualTo(pairings.onePlusOneCount(fx.staff()));
        assertThat(workItems.items(scopes.of("wuding.staff")).get(0).count())
                .isEqualTo(oversight.compliance(scopes.of("wuding.staff"), null, quarter).total().notVisited());
    }

    @Test
    void whenAnOrgMovesItsPairingsFiguresFollowItToTheNewCommittee() {
        DataScope admin = scopes.of("admin");
        // a member group under a new committee under Luquan
        long unit = fx.org(OrgKind.COMMITTEE);
        OrgForm g = new OrgForm();
        g.setParentId(unit);
        g.setName("移动小组" + java.util.UUID.randomUUID().toString().substring(0, 5));
        g.setKind(OrgKind.GROUP);
        g.setLevel(OrgLevel.TOWNSHIP);
        long group = orgs.create(admin, g);
        long p = fx.memberPairing(group, fx.member(group), fx.household(Household.TUOPIN), LocalDate.of(2025, 1, 1), null);
        visits.record(fx.staff(), PairingFixtures.visit(p, LocalDate.of(2025, 2, 2), 2, 2, "3", 0), List.of(), VisitSource.WEB, null);
        assertThat(oversight.figures(fx.staff(), unit, "2025", "unit", null, null).total().visits()).isEqualTo(1);

        // the group moves to sit directly under Luquan: its figures leave the new committee for Luquan's
        orgs.move(admin, group, orgs.find(group).orElseThrow().version(), fx.luquan());
        assertThat(pairings.get(fx.staff(), p).unitOrgId()).isEqualTo(fx.luquan());
        assertThat(oversight.figures(fx.staff(), unit, "2025", "unit", null, null).total().visits()).isZero();
        assertThat(oversight.figures(fx.staff(), unit, "2025", "unit", null, null).total().pairings()).isZero();
        assertThat(factsCheck.differences()).isZero();
    }
}
