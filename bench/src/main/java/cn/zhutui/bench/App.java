package cn.zhutui.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The running app and the user the benchmarks act as: logged in once, with an API token. */
@State(Scope.Benchmark)
public class App {

    @Param("http://localhost:8080")
    public String url;
    @Param("province.reviewer")
    public String user;
    @Param("Zhutui2026")
    public String password;
    /** Who records in the write benchmark (each client logs in as this user). */
    @Param("province.staff")
    public String writer;
    /** The quarter of the tables; its year-to-date is the YTD table. */
    @Param("2025Q3")
    public String quarter;

    Web web;
    long campaignId;

    @Setup
    public void logIn() {
        web = Web.login(url, user, password).withApiToken();
        campaignId = web.api("/api/v1/reports/table?periodId=" + quarter).get("campaignId").asLong();
    }
}
