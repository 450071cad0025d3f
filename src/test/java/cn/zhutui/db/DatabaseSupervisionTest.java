package cn.zhutui.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.org.OrgForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import cn.zhutui.security.ApiTokenService;
import cn.zhutui.security.CurrentScope;
import cn.zhutui.support.StandaloneApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded PostgreSQL killed under the running app: requests fail fast with a clear answer
 * while it is down; the supervisor starts it again on the same data; nothing committed is lost.
 */
class DatabaseSupervisionTest {

    @Test
    void aKilledDatabaseIsAnswered503FastAndComesBackWithItsData() throws Exception {
        // the supervisor is slowed here so the test sees the outage before the restart
        try (ConfigurableApplicationContext app = StandaloneApp.start("zhutui.db.supervise-every=1h",
                // kept, as a real deployment's: a restart must find the data where it was
                "zhutui.db.clean=false", "zhutui.db.server-config.synchronous_commit=on")) {
            EmbeddedServer server = app.getBean(EmbeddedServer.class);
            // a deployment's database writes through to the disk (zonky's own default is fsync=off)
            assertThat(app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("SHOW fsync").query(String.class).single())
                    .isEqualTo("on");
            DataScope admin = app.getBean(CurrentScope.class).ofUsername("admin");
            OrgForm f = new OrgForm();
            f.setParentId(admin.orgId());
            f.setName("宕机前建的工作队");
            f.setKind(OrgKind.WORK_TEAM);
            f.setLevel(OrgLevel.PROVINCE);
            app.getBean(OrgService.class).create(admin, f);
            String token = app.getBean(ApiTokenService.class).create(admin, "监控", 1);
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest list = HttpRequest.newBuilder(URI.create("http://localhost:" + StandaloneApp.port(app) + "/api/v1/campaigns"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
            assertThat(client.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            ProcessHandle postmaster = server.process().orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get();

            long start = System.nanoTime();
            HttpResponse<String> down = client.send(list, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("数据库暂时不可用");
            assertThat(millis).as("fails fast, never hangs").isLessThan(8_000);

            assertThat(server.restartIfDead()).isTrue();
            HttpResponse<String> back = null;
            for (int i = 0; i < 30; i++) {
                back = client.send(list, HttpResponse.BodyHandlers.ofString());
                if (back.statusCode() == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(app.getBean(OrgService.class).search(admin, "宕机前建的工作队", 5)).hasSize(1);
        }
    }
}
