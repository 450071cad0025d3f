package cn.zhutui.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.support.StandaloneApp;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plain start on an empty database is a real deployment: no demo accounts, one administrator
 * whose password must be changed at the first login. The demo comes only when asked for — the
 * "demo" profile, which ./mvnw spring-boot:run sets.
 */
class FreshDeploymentTest {

    @Test
    void anEmptyDatabaseGetsOnlyAFirstAdministratorWhoMustChangeThePassword() throws Exception {
        try (ConfigurableApplicationContext app = StandaloneApp.start("zhutui.security.admin-initial-password=Erst-Verwalter2026")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("admin");
            assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE username = 'admin'").query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM member").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single()).isZero();

            int port = StandaloneApp.port(app);
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            String demo = "username=member.demo&password=Zhutui2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> noDemo = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(demo)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noDemo.headers().firstValue("Location").orElseThrow()).contains("/login?error");
            login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            String admin = "username=admin&password=Erst-Verwalter2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(admin)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        }
    }

    @Test
    void theDemoComesOnlyWithTheDemoProfileWhichTheRunCommandSets() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-demo.yml"));
        Properties demo = yaml.getObject();
        assertThat(demo).containsEntry("zhutui.demo.enabled", true);
        yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        assertThat(yaml.getObject()).doesNotContainKey("zhutui.demo.enabled");
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom.replaceAll("\\s+", "")).contains("<artifactId>spring-boot-maven-plugin</artifactId><configuration>"
                + "<!--./mvnwspring-boot:runisthedemo;thepackagedjarstartsasarealdeployment--><profiles><profile>demo</profile></profiles>");
    }
}
