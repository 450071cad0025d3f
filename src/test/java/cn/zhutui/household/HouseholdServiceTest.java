package cn.zhutui.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.pairing.PairingFixtures;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The household registry: personal data encrypted at rest and masked by role, every unmasked view
 * audited, membership history that never rewrites the past, exact and likely duplicates, scope.
 */
@IntegrationTest
class HouseholdServiceTest {

    @Autowired
    HouseholdService households;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PairingFixtures fx;

    private HouseholdForm form(String name, String id, LocalDate registered) {
        HouseholdForm f = new HouseholdForm();
        f.setRegionCode(PairingFixtures.VILLAGE);
        f.setHeadName(name);
        f.setHeadIdNumber(id);
        f.setRegisteredOn(registered);
        f.setPhone("13812345678");
        f.setTags(List.of("TUOPIN"));
        f.setIncomePerHead(new BigDecimal("9650.50"));
        f.setIncomeYear(2025);
        f.setAddress("北街42号");
        return f;
    }

    @Test
    void theRawTablesHoldNoIdNumberNorPhoneAndTheAuditLogNeitherButTheKeyedHashFindsThePerson() {
        String id = TestIds.luquan();
        long h = households.create(fx.staff(), form("王秀英", id, LocalDate.of(2019, 3, 1)));

        // every column of the rows, as text: neither the ID number nor the phone appears
        assertThat(jdbc.sql("SELECT count(*) FROM household_person p WHERE p::text LIKE '%' || :id || '%'").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM household x WHERE x::text LIKE '%13812345678%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM household_person WHERE id_cipher IS NOT NULL AND id_hash IS NOT NULL AND name = '王秀英'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log a WHERE a::text LIKE '%' || :id || '%' OR a::text LIKE '%13812345678%'")
                .param("id", id).query(Long.class).single()).isZero();
        // the keyed hash finds it, in any spelling, and the list filters by it
        assertThat(households.findByIdNumber(fx.staff(), id.toLowerCase().substring(0, 6) + " " + id.substring(6))).map(Household::id).contains(h);
        assertThat(households.search(fx.staff(), new HouseholdQuery(null, null, null, id, null, false, null), PageRequest.of(1, 10))
                .items()).extracting(v -> v.household().id()).containsExactly(h);
    }

    @Test
    void idNumbersAndPhonesAreMaskedForEveryRoleAndRevealedOnlyToThoseWhoNeedThemWithAnAuditEntry() {
        String id = TestIds.luquan();
        long h = households.create(fx.staff(), form("李桂兰", id, LocalDate.of(2019, 3, 1)));
        String masked = id.substring(0, 4) + "**********" + id.substring(14);

        HouseholdView asStaff = households.view(fx.staff(), h);
        assertThat(asStaff.maskedHeadIdNumber()).isEqualTo(masked).matches("\\d{4}\\*{10}[\\dX]{4}");
        assertThat(asStaff.maskedPhone()).isEqualTo("138****5678");
        assertThat(asStaff.members()).singleElement().extracting(HouseholdMember::maskedIdNumber).isEqualTo(masked);
        DataScope reviewer = scopes.of("luquan.reviewer");
        assertThat(households.view(reviewer, h).maskedHeadIdNumber()).isEqualTo(masked);

        long before = audits(h, "VIEW_PII");
        long head = asStaff.members().get(0).personId();
        assertThat(households.revealIdNumber(fx.staff(), h, head)).isEqualTo(id);
        assertThat(households.revealPhone(fx.staff(), h)).isEqualTo("13812345678");
        assertThat(audits(h, "VIEW_PII")).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT username FROM audit_log WHERE entity_type = 'household' AND entity_id = :id AND action = 'VIEW_PII' ORDER BY id DESC LIMIT 1")
                .param("id", String.valueOf(h)).query(String.class).single()).isEqualTo("luquan.staff");

        // a reviewer (no need for the number) and another county cannot see it in clear
        assertThatThrownBy(() -> households.revealIdNumber(reviewer, h, head)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> households.revealPhone(reviewer, h)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> households.revealIdNumber(scopes.of("wuding.staff"), h, head)).isInstanceOf(NotFoundException.class);
        assertThat(audits(h, "VIEW_PII")).isEqualTo(before + 2);
    }

    @Test
    void anotherCountyGetsNotFoundOnReadAndWrite() {
        long h = households.create(fx.staff(), form("赵德明", TestIds.luquan(), LocalDate.of(2019, 3, 1)));
        DataScope wuding = scopes.of("wuding.staff");
        assertThatThrownBy(() -> households.get(wuding, h)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> households.view(wuding, h)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> households.setTags(wuding, h, List.of("YIBAN"))).isInstanceOf(NotFoundException.class);
        assertThat(households.search(wuding, HouseholdQuery.all(), PageRequest.of(1, 200)).items())
                .noneMatch(v -> v.household().id() == h);
        // nor can it register one in Luquan
        HouseholdForm f = form("钱多多", TestIds.luquan(), LocalDate.of(2019, 3, 1));
        assertThatThrownBy(() -> households.create(wuding, f)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(BusinessException::code)
                        .contains("household.region.outOfScope"));
    }

    @Test
    void anIdNumberIsRegisteredOnceAndABadOneIsRefusedOnItsField() {
        String id = TestIds.luquan();
        long h = households.create(fx.staff(), form("孙建国", id, LocalDate.of(2019, 3, 1)));
        assertThatThrownBy(() -> households.create(fx.staff(), form("孙建国", id, LocalDate.of(2019, 3, 1))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    BusinessException v = ((InvalidInputException) e).violations().get(0);
                    assertThat(v.field()).isEqualTo("headIdNumber");
                    assertThat(v.code()).isEqualTo("household.id.registered");
                    assertThat(v.args()).containsExactly(id.substring(0, 4) + "**********" + id.substring(14), String.valueOf(h));
                });
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        assertThatThrownBy(() -> households.create(fx.staff(), form("孙建国", wrongCheck, LocalDate.of(2019, 3, 1))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(BusinessException::code)
                        .contains("household.id.checksum"));
    }

    @Test
    void membershipKeepsItsHistoryWithExactlyOneHeadOnEveryDay() {
        String headId = TestIds.of("530128", LocalDate.of(1948, 5, 2));
        long h = households.create(fx.staff(), form("张老汉", headId, LocalDate.of(2018, 1, 1)));
        PersonForm wife = new PersonForm();
        wife.setName("刘翠花");
        wife.setIdNumber(TestIds.of("530128", LocalDate.of(1952, 8, 9)));
        wife.setRelation("SPOUSE");
        wife.setJoinedOn(LocalDate.of(2018, 1, 1));
        households.addMember(fx.staff(), h, wife);
        PersonForm son = new PersonForm();
        son.setName("张小军");
        son.setBirthDate(LocalDate.of(1980, 2, 3));
        son.setGender("M");
        son.setRelation("CHILD");
        son.setJoinedOn(LocalDate.of(2018, 1, 1));
        long sonMembership = households.addMember(fx.staff(), h, son);

        // the son moves out on 2022-09-01; the father dies and the mother becomes head on 2024-06-01
        households.leave(fx.staff(), h, sonMembership, LocalDate.of(2022, 9, 1), "外出务工落户");
        long wifeMembership = households.members(fx.staff(), h).stream().filter(m -> m.name().equals("刘翠花")).findFirst().orElseThrow().membershipId();
        households.changeHead(fx.staff(), h, wifeMembership, LocalDate.of(2024, 6, 1), null, "去世");

        List<HouseholdMember> history = households.history(fx.staff(), h);
        assertThat(history).extracting(HouseholdMember::name, HouseholdMember::relation, HouseholdMember::joinedOn, HouseholdMember::leftOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("张老汉", "HEAD", LocalDate.of(2018, 1, 1), LocalDate.of(2024, 6, 1)),
                        org.assertj.core.groups.Tuple.tuple("刘翠花", "SPOUSE", LocalDate.of(2018, 1, 1), LocalDate.of(2024, 6, 1)),
                        org.assertj.core.groups.Tuple.tuple("张小军", "CHILD", LocalDate.of(2018, 1, 1), LocalDate.of(2022, 9, 1)),
                        org.assertj.core.groups.Tuple.tuple("刘翠花", "HEAD", LocalDate.of(2024, 6, 1), null));
        for (LocalDate day = LocalDate.of(2018, 1, 1); !day.isAfter(households.today()); day = day.plusDays(17)) {
            LocalDate d = day;
            assertThat(households.membersOn(fx.staff(), h, d).stream().filter(HouseholdMember::head)).as("heads on %s", d).hasSize(1);
        }
        assertThat(households.headOn(fx.staff(), h, LocalDate.of(2024, 5, 31))).map(HouseholdMember::name).contains("张老汉");
        assertThat(households.headOn(fx.staff(), h, LocalDate.of(2024, 6, 1))).map(HouseholdMember::name).contains("刘翠花");
        assertThat(households.membersOn(fx.staff(), h, LocalDate.of(2022, 8, 31))).hasSize(3);
        assertThat(households.membersOn(fx.staff(), h, LocalDate.of(2022, 9, 1))).hasSize(2);
        assertThat(households.get(fx.staff(), h).headName()).isEqualTo("刘翠花");

        // the head cannot simply leave; a date before the last change is refused; nothing changed
        long newHead = households.members(fx.staff(), h).get(0).membershipId();
        assertThatThrownBy(() -> households.leave(fx.staff(), h, newHead, LocalDate.of(2025, 1, 1), "迁出"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> households.changeRelation(fx.staff(), h, newHead, "SPOUSE", LocalDate.of(2025, 1, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(households.history(fx.staff(), h)).hasSize(4);
        assertThat(households.changes(fx.staff(), h)).extracting(a -> a.action())
                .contains("CREATE", "MEMBER_JOIN", "MEMBER_LEAVE", "HEAD_CHANGE");
    }

    @Test
    void aNamesakeBornTheSameDayInTheVillageIsQueuedForAPersonNotMerged() {
        LocalDate born = LocalDate.of(1966, 4, 12);
        long first = households.create(fx.staff(), form("陈金花", TestIds.of("530128", born), LocalDate.of(2019, 3, 1)));
        // a second registration with another (mistyped) ID number: kept, and queued
        long second = households.create(fx.staff(), form("陈金花", TestIds.of("530128", born), LocalDate.of(2019, 3, 1)));
        List<DuplicateCandidate> queued = households.duplicatesOf(fx.staff(), second);
        assertThat(queued).singleElement().satisfies(d -> {
            assertThat(d.householdId()).isEqualTo(second);
            assertThat(d.otherHouseholdId()).isEqualTo(first);
            assertThat(d.status()).isEqualTo("PENDING");
            assertThat(d.maskedIdNumber()).contains("**********");
        });
        assertThat(households.get(fx.staff(), second).active()).isTrue();
        assertThat(households.duplicates(fx.staff(), "PENDING", PageRequest.of(1, 200)).items()).extracting(DuplicateCandidate::id)
                .contains(queued.get(0).id());

        // a person decides: the same person registered twice — the newer household is archived as its duplicate
        households.decideDuplicate(fx.staff(), queued.get(0).id(), queued.get(0).version(), true, "身份证号录入错误");
        Household archived = households.get(fx.staff(), second);
        assertThat(archived.status()).isEqualTo(HouseholdStatus.ARCHIVED);
        assertThat(archived.duplicateOf()).isEqualTo(first);
        assertThat(households.get(fx.staff(), first).active()).isTrue();
    }

    @Test
    void fourHavesPerQuarterAndTheirRegressionsAreFound() {
        long h = households.create(fx.staff(), form("周大山", TestIds.luquan(), LocalDate.of(2019, 3, 1)));
        households.recordGoals(fx.staff(), h, "2025Q2", GoalAssessment.of(GoalStatus.MET, GoalStatus.MET, GoalStatus.PARTLY, GoalStatus.MET), null, null);
        households.recordGoals(fx.staff(), h, "2025Q3", GoalAssessment.of(GoalStatus.PARTLY, GoalStatus.MET, GoalStatus.MET, GoalStatus.MET), "务工收入减少", null);
        assertThat(households.regressions(fx.staff(), List.of(h), "2025Q3")).singleElement().satisfies(r -> {
            assertThat(r.previousPeriod()).isEqualTo("2025Q2");
            assertThat(r.goals()).containsExactly(Goal.INCOME);
        });
        assertThat(households.regressions(fx.staff(), List.of(h), "2025Q2")).isEmpty();
        assertThat(households.goals(fx.staff(), h)).extracting(GoalAssessment::period).containsExactly("2025Q3", "2025Q2");
        assertThatThrownBy(() -> households.recordGoals(fx.staff(), h, "2099Q1", GoalAssessment.of(GoalStatus.MET, GoalStatus.MET, GoalStatus.MET,
                GoalStatus.MET), null, null)).isInstanceOf(InvalidInputException.class);
        assertThat(households.incomes(fx.staff(), h)).extracting(Income::year, Income::perHead)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, new BigDecimal("9650.50")));
    }

    private long audits(long householdId, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'household' AND entity_id = :id AND action = :a")
                .param("id", String.valueOf(householdId)).param("a", action).query(Long.class).single();
    }
}
