package cn.zhutui.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Role;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures of a county of its own (富民县, which the demo leaves empty), built record by record
 * last year and counted by hand: by county, by platform level, by period, for the county, its
 * prefecture and the province; kept in step with every change; exported and audited.
 *
 * <pre>
 *   platform A (village):  T1 raised 03-01, meeting 03-10 final, O1 due 03-31 done 03-20 solved 03-25,
 *                                                             O2 due 06-30 done 05-10 solved 05-20 → T1 solved 05-20, 80 days
 *                          T2 raised 04-10, meeting 04-20 final, O3 due 06-15 open → overdue
 *                          T6 raised the year before (12-20)
 *   platform B (township): T3 raised 06-01, meeting 06-05 final, O4 due 06-30 done 06-25 solved 07-01 → T3 solved, 30 days
 *                          T4 raised 08-01, meeting 08-05 draft, O5 due 09-01 (undecided: not counted)
 *                          T5 raised 09-01 by a cadre, declined
 *   year:  topics 4, meetings 3, outcomes 4, solved 2 (110 days, average 55.0), overdue 1
 *   Q2:    topics 2 (T2, T3), meetings 2, outcomes 2, solved 1 (80 days), overdue 1 (O3; O2, O4 done)
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultFiguresTest {

    static final String FUMIN = "530124";

    @Autowired
    ConsultFixtures fx;
    @Autowired
    ConsultFactsCheck factsCheck;
    @Autowired
    ConsultStatsService stats;
    @Autowired
    TopicService topics;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    OverdueOutcomeNotices notices;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService userDetails;

    String staff;
    int year;
    long county;
    long o3;

    @BeforeAll
    void build() {
        staff = fx.user(FUMIN, null, Role.STAFF);
        String township = fx.place(FUMIN, RegionLevel.TOWNSHIP);
        String cadre = fx.user(FUMIN, township, Role.CADRE);
        DataScope office = fx.scope(staff);
        year = LocalDate.now(clock).getYear() - 1;
        county = orgs.committeeOfRegion(FUMIN).orElseThrow().id();
        long host = fx.membersOf(FUMIN).get(0);
        long a = fx.platform(office, "VILLAGE", fx.place(FUMIN, RegionLevel.VILLAGE));
        long b = fx.platform(office, "TOWNSHIP", township);

        long t1 = fx.topic(office, a, day(3, 1));
        List<Long> m1 = fx.finalMeeting(office, t1, day(3, 10), host, day(3, 31), day(6, 30));
        fx.done(office, m1.get(0), day(3, 20));
        fx.feedback(office, m1.get(0), day(3, 25), true);
        fx.done(office, m1.get(1), day(5, 10));
        fx.feedback(office, m1.get(1), day(5, 20), true);

        long t2 = fx.topic(office, a, day(4, 10));
        o3 = fx.finalMeeting(office, t2, day(4, 20), host, day(6, 15)).get(0);

        long t3 = fx.topic(office, b, day(6, 1));
        long o4 = fx.finalMeeting(office, t3, day(6, 5), host, day(6, 30)).get(0);
        fx.done(office, o4, day(6, 25));
        fx.feedback(office, o4, day(7, 1), true);

        long t4 = fx.topic(office, b, day(8, 1));
        long draft = fx.meeting(office, t4, day(8, 5), host, List.of());
        fx.outcome(office, draft, "草稿中的成果", day(9, 1));

        long t5 = topics.create(fx.scope(cadre), fx.topicForm(b, ConsultFixtures.unique("关于待受理"), day(9, 1), township), null);
        topics.decline(office, t5, topics.get(office, t5).version(), "不属于基层协商事项");

        fx.topic(office, a, LocalDate.of(year - 1, 12, 20));
    }

    private LocalDate day(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void theCountysYearIsCountedByHand() {
        ConsultStats s = stats.figures(fx.scope(staff), null, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE);
        assertThat(s.org().id()).isEqualTo(county);
        assertThat(s.rows()).hasSize(1);
        ConsultFigures f = s.rows().get(0).figures();
        assertThat(List.of(f.topics(), f.meetings(), f.outcomes(), f.solved(), f.solvedDays(), f.overdue())).containsExactly(4L, 3L, 4L, 2L, 110L, 1L);
        assertThat(f.averageDays()).isEqualByComparingTo(new BigDecimal("55.0"));
        assertThat(List.of(s.total().topics(), s.total().meetings(), s.total().solved(), s.total().overdue())).containsExactly(4L, 3L, 2L, 1L);

        ConsultFigures village = level(s, "VILLAGE");
        assertThat(List.of(village.topics(), village.meetings(), village.outcomes(), village.solved(), village.solvedDays(), village.overdue()))
                .containsExactly(2L, 2L, 3L, 1L, 80L, 1L);
        ConsultFigures township = level(s, "TOWNSHIP");
        assertThat(List.of(township.topics(), township.meetings(), township.outcomes(), township.solved(), township.solvedDays(), township.overdue()))
                .containsExactly(2L, 1L, 1L, 1L, 30L, 0L);
        assertThat(township.averageDays()).isEqualByComparingTo(new BigDecimal("30.0"));
        ConsultFigures enterprise = level(s, "ENTERPRISE");
        assertThat(enterprise.empty()).isTrue();
        assertThat(enterprise.averageDays()).isNull();
    }

    @Test
    void aQuarterCountsWhatFellInIt() {
        ConsultStats s = stats.figures(fx.scope(staff), null, year + "Q2", false, Locale.SIMPLIFIED_CHINESE);
        ConsultFigures f = s.rows().get(0).figures();
        assertThat(List.of(f.topics(), f.meetings(), f.outcomes(), f.solved(), f.solvedDays(), f.overdue())).containsExactly(2L, 2L, 2L, 1L, 80L, 1L);
        ConsultStats march = stats.figures(fx.scope(staff), null, year + "03", false, Locale.SIMPLIFIED_CHINESE);
        ConsultFigures m = march.rows().get(0).figures();
        // March: T1 raised, its meeting and two outcomes; O1 due and done on time
        assertThat(List.of(m.topics(), m.meetings(), m.outcomes(), m.solved(), m.overdue())).containsExactly(1L, 1L, 2L, 0L, 0L);
        assertThatThrownBy(() -> stats.figures(fx.scope(staff), null, "2025Q5", false, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo("consult.period.invalid"));
    }

    @Test
    void thePrefectureAndTheProvinceSeeTheCountyLive() {
        ConsultStats kunming = stats.figures(scopes.of("kunming.staff"), null, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE);
        ConsultStats.Row fumin = kunming.rows().stream().filter(r -> r.org().id() == county).findFirst().orElseThrow();
        assertThat(List.of(fumin.figures().topics(), fumin.figures().meetings(), fumin.figures().solved(), fumin.figures().overdue()))
                .containsExactly(4L, 3L, 2L, 1L);
        ConsultStats province = stats.figures(scopes.of("province.staff"), null, String.valueOf(year), true, Locale.SIMPLIFIED_CHINESE);
        assertThat(province.rows().stream().filter(r -> r.org().id() == county).findFirst().orElseThrow().figures().topics()).isEqualTo(4);
        // the province's prefecture row for Kunming holds Fumin's figures among others
        ConsultStats byPrefecture = stats.figures(scopes.of("province.staff"), null, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE);
        ConsultStats.Row kunmingRow = byPrefecture.rows().stream().filter(r -> r.org().name().equals("昆明市政协")).findFirst().orElseThrow();
        assertThat(kunmingRow.figures().topics()).isGreaterThanOrEqualTo(4);
        assertThat(kunmingRow.drillable()).isTrue();
        // another county's office cannot read Fumin's figures
        assertThatThrownBy(() -> stats.figures(scopes.of("wuding.staff"), county, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theFiguresMoveWithEachChangeInTheSameTransaction() {
        DataScope office = fx.scope(staff);
        ConsultFigures before = stats.figures(office, null, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE).rows().get(0).figures();
        // carrying out O3 (due 06-15) on 07-10 clears the overdue count; feedback solves T2 (raised 04-10): 91 days
        fx.done(office, o3, day(7, 10));
        ConsultFigures done = stats.figures(office, null, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE).rows().get(0).figures();
        assertThat(done.overdue()).isEqualTo(before.overdue() - 1);
        fx.feedback(office, o3, day(7, 10), true);
        ConsultFigures solved = stats.figures(office, null, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE).rows().get(0).figures();
        assertThat(solved.solved()).isEqualTo(before.solved() + 1);
        assertThat(solved.solvedDays()).isEqualTo(before.solvedDays() + 91);
        // "not solved" after all: the outcome goes back, the problem is no longer solved
        fx.feedback(office, o3, day(7, 20), false);
        ConsultFigures reopened = stats.figures(office, null, String.valueOf(year), false, Locale.SIMPLIFIED_CHINESE).rows().get(0).figures();
        assertThat(reopened.solved()).isEqualTo(before.solved());
        assertThat(reopened.overdue()).isEqualTo(before.overdue());
        assertThat(outcomes.get(office, o3).done()).isFalse();
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void theExportIsTheSameFiguresAndIsAudited() throws Exception {
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'consult_stats' AND action = 'EXPORT'").query(Long.class).single();
        byte[] file = mvc.perform(get("/consult/stats/export?periodId=" + year).with(user(userDetails.loadUserByUsername(staff))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet units = wb.getSheetAt(0);
            assertThat(units.getRow(0).getCell(0).getStringCellValue()).contains("富民县政协", "协商在基层统计", year + "年");
            assertThat(units.getRow(1).getCell(0).getStringCellValue()).isEqualTo("单位");
            Row fumin = units.getRow(2);
            assertThat(fumin.getCell(0).getStringCellValue()).isEqualTo("富民县政协");
            assertThat(fumin.getCell(2).getNumericCellValue()).isEqualTo(4.0);
            assertThat(fumin.getCell(5).getNumericCellValue()).isEqualTo(55.0);
            Sheet levels = wb.getSheetAt(1);
            assertThat(levels.getRow(2).getCell(0).getStringCellValue()).isEqualTo("乡镇（街道）");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'consult_stats' AND action = 'EXPORT'").query(Long.class).single())
                .isEqualTo(audits + 1);
        mvc.perform(get("/consult/stats/export?orgId=" + county).with(user(userDetails.loadUserByUsername("wuding.staff"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void overdueOutcomesAreNotifiedOnceAWeekInOneNoticePerCounty() {
        // next week's run (this week's went out at start-up, before Fumin had outcomes)
        LocalDate today = LocalDate.now(clock).plusWeeks(1);
        notices.run(today);
        String key = "consult-overdue:" + county + ":" + today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "W"
                + today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        List<String> args = jdbc.sql("SELECT n.args::text FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = :u AND n.dedup_key = :k")
                .param("u", staff).param("k", key).query(String.class).list();
        assertThat(args).hasSize(1);
        assertThat(args.get(0)).contains("富民县政协", "\"1\"", day(6, 15).toString());
        // the level above hears of its counties in one notice
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                        + " WHERE u.username = 'kunming.staff' AND n.dedup_key = :k AND n.args::text LIKE '%富民县政协（1）%'")
                .param("k", "consult-overdue-below:" + orgs.committeeOfRegion("5301").orElseThrow().id() + ":" + key.substring(key.lastIndexOf(':') + 1))
                .query(Long.class).single()).isEqualTo(1);
        // running again the same week sends nothing more
        assertThat(notices.run(today)).isZero();
    }

    private static ConsultFigures level(ConsultStats s, String code) {
        return s.byLevel().stream().filter(f -> f.key().equals(code)).findFirst().orElseThrow();
    }
}
