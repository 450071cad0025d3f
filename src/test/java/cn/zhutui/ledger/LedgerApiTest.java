package cn.zhutui.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.security.ApiTokenService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class LedgerApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    Scopes scopes;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JsonMapper json;

    String token(String username) {
        return scopes.bearer(username);
    }

    String body(String title, boolean submit) {
        long member = fx.membersOf(DemoAccounts.LUQUAN).get(0);
        return """
                {"campaignId": %d, "taskTypeId": %d, "title": "%s", "startDate": "%s", "regionCode": "530128001001",
                 "memberIds": [%d], "households": 4, "values": {"%d": 3, "%d": 6.5}, "submit": %s}"""
                .formatted(fx.structure().campaign().id(), fx.taskType("农产品销售").id(), title, ledgerToday(), member,
                        fx.indicator("农产品销售", "销售活动").id(), fx.indicator("农产品销售", "销售额").id(), submit);
    }

    static String ledgerToday() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    @Autowired
    cn.zhutui.support.QueryCounter queries;
    @Autowired
    cn.zhutui.org.OrgService orgs;
    @Autowired
    LedgerService ledger;

    @Test
    void withoutAValidTokenTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/entries")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/entries").header("Authorization", "Bearer zt_not-a-token")).andExpect(status().isUnauthorized());
        var scope = scopes.of("luquan.staff");
        String t = tokens.create(scope, "revoked", 1);
        tokens.revoke(scope, tokens.mine(scope).get(0).id());
        mvc.perform(get("/api/v1/entries").header("Authorization", "Bearer " + t)).andExpect(status().isUnauthorized());
    }

    @Test
    void recordSubmitAndReviewThroughTheApi() throws Exception {
        String staff = token("luquan.staff");
        MvcResult created = mvc.perform(post("/api/v1/entries").header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON).content(body("接口录入的销售", false)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.source").value("API"))
                .andExpect(jsonPath("$.values[1].value").value(6.5))
                .andReturn();
        JsonNode entry = json.readTree(created.getResponse().getContentAsString());
        long id = entry.get("id").asLong();
        int version = entry.get("version").asInt();
        mvc.perform(get("/api/v1/entries/" + id).header("Authorization", staff)).andExpect(jsonPath("$.title").value("接口录入的销售"));
        mvc.perform(post("/api/v1/entries/" + id + "/submit").header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        String reviewer = token("luquan.reviewer");
        mvc.perform(post("/api/v1/entries/" + id + "/review").header("Authorization", reviewer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + (version + 1) + ", \"decision\": \"APPROVE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        String staff = token("luquan.staff");
        JsonNode entry = json.readTree(mvc.perform(post("/api/v1/entries").header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON).content(body("并发接口", false))).andReturn().getResponse().getContentAsString());
        long id = entry.get("id").asLong();
        String change = body("第一次修改", false).replace("\"submit\"", "\"version\": 0, \"submit\"");
        mvc.perform(put("/api/v1/entries/" + id).header("Authorization", staff).contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/entries/" + id).header("Authorization", staff).contentType(MediaType.APPLICATION_JSON)
                        .content(change.replace("第一次修改", "第二次修改")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("已被他人修改")));
    }

    @Test
    void badInputIsReportedFieldByFieldInTheCallersLanguage() throws Exception {
        String staff = token("luquan.staff");
        String bad = body("", true).replace("\"startDate\": \"" + ledgerToday() + "\"", "\"startDate\": \"2099-01-01\"")
                .replace(": 3,", ": 3.5,");
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        String future = body("将来的事", true).replace("\"startDate\": \"" + ledgerToday() + "\"", "\"startDate\": \"2099-01-01\"")
                .replace(": 3,", ": 3.5,");
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).contentType(MediaType.APPLICATION_JSON).content(future))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("startDate")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("日期不能晚于今天")))
                .andExpect(jsonPath("$.errors[*].code", hasItem("indicator.integer")));
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(future))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem("The date cannot be after today")));
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theApiKeepsTheUsersScope() throws Exception {
        String wuding = token("wuding.staff");
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/entries").param("size", "100").header("Authorization", token("luquan.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        java.util.Set<Long> orgIds = new java.util.HashSet<>();
        page.get("items").forEach(i -> orgIds.add(i.get("orgId").asLong()));
        assertThat(orgIds).isNotEmpty();
        assertThat(orgs.findAll(scopes.of("luquan.staff"), orgIds)).as("every entry's org lies in Luquan's subtree").hasSize(orgIds.size());
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/entries").header("Authorization", token("luquan.staff")))
                .andReturn().getResponse().getContentAsString());
        long luquanEntry = list.get("items").get(0).get("id").asLong();
        mvc.perform(get("/api/v1/entries/" + luquanEntry).header("Authorization", wuding)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/entries/" + luquanEntry + "/review").header("Authorization", token("province.staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"decision\": \"APPROVE\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void campaignsAndTheirStructureAreAvailable() throws Exception {
        String staff = token("luquan.staff");
        mvc.perform(get("/api/v1/campaigns").header("Authorization", staff))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].name", hasItem("双助推行动")));
        mvc.perform(get("/api/v1/campaigns/" + fx.structure().campaign().id()).header("Authorization", staff))
                .andExpect(jsonPath("$.taskTypes.length()").value(10))
                .andExpect(jsonPath("$.indicators[*].unit", hasItem("万元")));
    }

    @Test
    void theOpenApiDescriptionIsPublishedAtAStableUrl() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/entries'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/entries/{id}/review'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/entries'].get.parameters[*].name", hasItem("periodId")));
    }

    @Test
    void aRetriedCreateWithTheSameKeyAddsNothingAndReturnsTheFirstEntry() throws Exception {
        String staff = token("luquan.staff");
        String key = "retry-" + java.util.UUID.randomUUID();
        String title = "重试的接口录入" + key.substring(6, 12);
        MvcResult first = mvc.perform(post("/api/v1/entries").header("Authorization", staff).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(title, true)))
                .andExpect(status().isCreated()).andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/entries/")))
                .andReturn();
        long id = json.readTree(first.getResponse().getContentAsString()).get("id").asLong();
        // the answer was lost; the client sends the very same request again, twice at once
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<java.util.concurrent.Future<MvcResult>> again = pool.invokeAll(java.util.List.of(
                () -> mvc.perform(post("/api/v1/entries").header("Authorization", staff).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(title, true))).andReturn(),
                () -> mvc.perform(post("/api/v1/entries").header("Authorization", staff).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(title, true))).andReturn()));
        pool.shutdown();
        for (var f : again) {
            assertThat(f.get().getResponse().getStatus()).isEqualTo(201);
            assertThat(json.readTree(f.get().getResponse().getContentAsString()).get("id").asLong()).isEqualTo(id);
        }
        assertThat(ledger.search(scopes.of("luquan.staff"), new LedgerQuery(null, null, null, null, null, null, null, false, title, null),
                cn.zhutui.common.PageRequest.of(1, 5)).total()).isEqualTo(1);
        // a submit retried with its key answers like the first
        MvcResult draft = mvc.perform(post("/api/v1/entries").header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON).content(body(title + "草稿", false))).andReturn();
        JsonNode d = json.readTree(draft.getResponse().getContentAsString());
        String submitKey = "submit-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/entries/" + d.get("id").asLong() + "/submit").header("Authorization", staff).header("Idempotency-Key", submitKey)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + d.get("version").asInt() + "}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        }
    }

    @Test
    void evidenceLinksWorkWithTheTokenAndTheListReadsAPageInAFewQueries() throws Exception {
        String staff = token("luquan.staff");
        JsonNode entry = json.readTree(mvc.perform(post("/api/v1/entries").header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON).content(body("带照片的接口录入", false))).andReturn().getResponse().getContentAsString());
        long id = entry.get("id").asLong();
        JsonNode withPhoto = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/entries/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "现场.png", "image/png", LedgerTestFiles.png()))
                        .header("Authorization", staff))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String url = withPhoto.get("evidence").get(0).get("url").asString();
        assertThat(url).startsWith("/api/v1/entries/" + id + "/evidence/");
        byte[] photo = mvc.perform(get(url).header("Authorization", staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(photo).isEqualTo(LedgerTestFiles.png());
        mvc.perform(get(url).header("Authorization", token("wuding.staff"))).andExpect(status().isNotFound());

        long before = queries.count();
        mvc.perform(get("/api/v1/entries?size=1").header("Authorization", staff)).andExpect(status().isOk());
        long one = queries.count() - before;
        before = queries.count();
        mvc.perform(get("/api/v1/entries?size=50").header("Authorization", staff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(50));
        long fifty = queries.count() - before;
        assertThat(fifty).as("queries for 50 rows against %d for one", one).isLessThanOrEqualTo(one + 3);
    }

    @Test
    void aCreateAndSubmitOverTheApiSendsFewStatements() throws Exception {
        String staff = token("luquan.staff");
        // the first one warms the caches (campaign structure, units)
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body("接口计数一", true))).andExpect(status().isCreated());
        String second = body("接口计数二", true);
        queries.startListing();
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(second)).andExpect(status().isCreated());
        java.util.List<String> sent = queries.listed();
        // the write path is the throughput bench's: each statement here is paid 300 times a second
        assertThat(sent).as("statements for one create+submit: %s", sent).hasSizeLessThanOrEqualTo(STATEMENTS_PER_CREATE);
    }

    static final int STATEMENTS_PER_CREATE = 36;

    @Test
    void malformedJsonNamesTheFieldAnd401And415AreProblemsInTheCallersLanguage() throws Exception {
        String staff = token("luquan.staff");
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).contentType(MediaType.APPLICATION_JSON)
                        .content(body("类型错误", false).replace("\"households\": 4", "\"households\": \"四户\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("households"))
                .andExpect(jsonPath("$.detail", containsString("households")));
        mvc.perform(get("/api/v1/entries").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail", containsString("token")));
        mvc.perform(get("/api/v1/entries"))
                .andExpect(jsonPath("$.detail", containsString("令牌")));
        mvc.perform(post("/api/v1/entries").header("Authorization", staff).contentType(MediaType.TEXT_PLAIN).content("标题"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.detail", containsString("application/json")));
    }

    @Test
    void theOpenApiDocumentsTheReportParametersAnd201ForCreates() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(jsonPath("$.paths['/api/v1/reports/table'].get.parameters[*].name", hasItem("periodId")))
                .andExpect(jsonPath("$.paths['/api/v1/reports/table'].get.parameters[*].name", hasItem("orgId")))
                .andExpect(jsonPath("$.paths['/api/v1/entries'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/entries'].post.parameters[*].name", hasItem("Idempotency-Key")));
    }
}
