package cn.zhutui.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload over the limit, sent to every upload form as a browser sends it, gets 413 with a page
 * (or, from the API, a problem) that names the limit — never a server error, never a hang.
 */
@IntegrationTest
class UploadLimitTest {

    @LocalServerPort
    int port;

    HttpResponse<String> post(String path, int megabytes) throws Exception {
        String boundary = "----zhutui" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[megabytes * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyUploadFormAnswers413WithTheLimit() throws Exception {
        for (String path : List.of("/entries/import?campaignId=1", "/entries/1/evidence", "/entries/quick", "/members/import", "/regions/import")) {
            HttpResponse<String> r = post(path, path.startsWith("/regions") ? 101 : 21);
            assertThat(r.statusCode()).as(path).isEqualTo(413);
            assertThat(r.body()).as(path).contains("上传的文件太大").contains(path.startsWith("/regions") ? "100 MB" : "20 MB");
        }
    }

    @Test
    void theApiAnswersAProblem() throws Exception {
        HttpResponse<String> r = post("/api/v1/entries/1/evidence", 21);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("\"status\":413").contains("20 MB");
    }

    @Test
    void aDivisionTableMayBeLargerThanOtherUploads() throws Exception {
        // 30 MB passes the limit of the region import (the form then asks for a login, as any page)
        HttpResponse<String> r = post("/regions/import", 30);
        assertThat(r.statusCode()).isNotEqualTo(413).isLessThan(500);
    }
}
