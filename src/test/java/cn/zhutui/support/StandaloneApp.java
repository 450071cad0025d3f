package cn.zhutui.support;

import cn.zhutui.ZhutuiApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app started as an operator starts it — no test profile, no demo unless asked — on a database
 * and file store of its own, on a free port. For the tests of deployment and operation.
 */
public final class StandaloneApp {

    private StandaloneApp() {
    }

    public static ConfigurableApplicationContext start(String... properties) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // one value per key (a repeated command-line option would bind as "a,b")
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("zhutui.db.dir", Path.of("target", "standalone", run, "pg").toString());
        all.put("zhutui.db.clean", "true");
        all.put("zhutui.db.server-config.synchronous_commit", "off");
        all.put("zhutui.files.dir", Path.of("target", "standalone", run, "files").toString());
        all.put("logging.level.root", "WARN");
        for (String p : properties) {
            all.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(ZhutuiApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
