package cn.zhutui.monitor;

import cn.zhutui.common.DataScope;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The automatic checks every night, over the whole platform, on last year's and this year's data:
 * a household whose income falls under the line, or whose able members all lost their work, is a
 * clue by the next morning without anyone pressing the button. Each check raises a clue once per
 * household, rule and year, so running nightly adds only what is new.
 */
@Component
class AutomaticCheckSchedule {

    private static final Logger log = LoggerFactory.getLogger(AutomaticCheckSchedule.class);

    private final AutomaticChecks checks;

    AutomaticCheckSchedule(AutomaticChecks checks) {
        this.checks = checks;
    }

    @Scheduled(cron = "${zhutui.monitor.checks-cron:0 40 2 * * *}", zone = "${zhutui.time-zone:Asia/Shanghai}")
    void nightly() {
        log.info("Monitoring checks: {}", run());
    }

    /** Both checks for last year's data, then this year's (each its own transaction: one failing does not stop the other); what each raised. */
    List<AutomaticChecks.Outcome> run() {
        int year = checks.today().getYear();
        List<AutomaticChecks.Outcome> outcomes = new java.util.ArrayList<>();
        for (int y : new int[] {year - 1, year}) {
            try {
                outcomes.add(checks.run(DataScope.system(), y));
            } catch (RuntimeException e) {
                log.warn("Monitoring checks of {} failed: {}", y, e.toString());
            }
        }
        return outcomes;
    }
}
