package cn.zhutui.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One set of rules for every door: the same bad value sent through the form, the API and the
 * spreadsheet import gives the same message on the same field from each.
 */
@IntegrationTest
class EntryRulesParityTest {

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
    JsonMapper json;
    @Autowired
    MessageSource messages;

    static List<Arguments> badValues() {
        return List.of(
                Arguments.of("partner", "合作企业", (Consumer<EntryForm>) f -> f.setPartner("企".repeat(201)), "最多200个字"),
                Arguments.of("title", "标题", (Consumer<EntryForm>) f -> f.setTitle("题".repeat(201)), "最多200个字"),
                Arguments.of("households", "受益户数", (Consumer<EntryForm>) f -> f.setHouseholds(2_000_000), "须在0到1,000,000之间"),
                Arguments.of("persons", "受益人数", (Consumer<EntryForm>) f -> f.setPersons(-1), "须在0到10,000,000之间"));
    }

    EntryForm good() {
        EntryForm f = fx.sales("三道门" + UUID.randomUUID().toString().substring(0, 6), fx.membersOf(DemoAccounts.LUQUAN).get(0), "2");
        f.setOrgId(scopes.of("luquan.staff").orgId());
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void theSameBadValueGetsTheSameErrorThroughEveryDoor(String field, String column, Consumer<EntryForm> spoil, String expected) throws Exception {
        EntryForm f = good();
        spoil.accept(f);

        // the form
        var form = post("/entries").with(csrf()).with(user(users.loadUserByUsername("luquan.staff")))
                .param("campaignId", String.valueOf(f.getCampaignId())).param("taskTypeId", String.valueOf(f.getTaskTypeId()))
                .param("orgId", String.valueOf(f.getOrgId())).param("memberIds", String.valueOf(f.getMemberIds().get(0)))
                .param("title", f.getTitle()).param("startDate", f.getStartDate().toString()).param("regionCode", f.getRegionCode())
                .param("households", String.valueOf(f.getHouseholds())).param("persons", String.valueOf(f.getPersons()));
        if (f.getPartner() != null) {
            form.param("partner", f.getPartner());
        }
        f.getValues().forEach((k, v) -> form.param("values[" + k + "]", v.toPlainString()));
        String page = mvc.perform(form).andReturn().getResponse().getContentAsString();
        assertThat(page).as("the form").contains(expected);

        // the API
        String body = json.writeValueAsString(Map.of("campaignId", f.getCampaignId(), "taskTypeId", f.getTaskTypeId(), "orgId", f.getOrgId(),
                "memberIds", f.getMemberIds(), "title", f.getTitle(), "startDate", f.getStartDate().toString(), "regionCode", f.getRegionCode(),
                "households", f.getHouseholds(), "persons", f.getPersons(), "values", f.getValues()));
        if (f.getPartner() != null) {
            body = body.replaceFirst("\\{", "{\"partner\":\"" + f.getPartner() + "\",");
        }
        JsonNode problem = json.readTree(mvc.perform(post("/api/v1/entries").header("Authorization", scopes.bearer("luquan.staff"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asString()).isEqualTo(field);
            assertThat(e.get("message").asString()).isEqualTo(expected);
        });

        // the spreadsheet import
        ImportOutcome outcome = ledger.importRows(scopes.of("luquan.staff").asLoader(), f.getCampaignId(),
                List.of(new ImportRow("农产品销售", 2, f, "parity:" + UUID.randomUUID())), false, EntrySource.IMPORT);
        assertThat(outcome.errors()).anySatisfy(e -> {
            assertThat(e.column().replace("*", "")).isEqualTo(column);
            assertThat(messages.getMessage(e.code(), e.args(), Locale.SIMPLIFIED_CHINESE)).isEqualTo(expected);
        });
    }

    @Test
    void thePhoneFormSentTwiceRecordsOneEntry() throws Exception {
        EntryForm f = good();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            var quick = post("/entries/quick").with(csrf()).with(user(users.loadUserByUsername("member.demo")))
                    .param("idempotencyKey", key).param("campaignId", String.valueOf(f.getCampaignId()))
                    .param("taskTypeId", String.valueOf(f.getTaskTypeId())).param("title", f.getTitle())
                    .param("startDate", f.getStartDate().toString()).param("regionCode", f.getRegionCode());
            f.getValues().forEach((k, v) -> quick.param("values[" + k + "]", v.toPlainString()));
            mvc.perform(quick).andReturn();
        }
        DataScope member = scopes.of("member.demo");
        assertThat(ledger.search(member, new LedgerQuery(null, null, null, null, null, null, null, false, f.getTitle(), null), PageRequest.of(1, 5))
                .total()).isEqualTo(1);
    }
}
