package cn.zhutui.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the app is and, in demo mode, how to log in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment env;
    private final DemoProperties props;

    StartupBanner(Environment env, DemoProperties props) {
        this.env = env;
        this.props = props;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String path = env.getProperty("server.servlet.context-path", "");
        StringBuilder sb = new StringBuilder("\n\n  助推 Zhutui is running at http://localhost:" + port + path + "/\n");
        if (DemoDataLoader.enabled(props, env)) {
            sb.append("  Demo logins (password: ").append(props.password()).append("):\n");
            for (DemoAccounts.Account a : DemoAccounts.ALL) {
                sb.append(String.format("    %-18s %s%n", a.username(), a.note()));
            }
        }
        log.info(sb.toString());
    }
}
