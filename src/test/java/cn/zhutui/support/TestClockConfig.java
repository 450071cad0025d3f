package cn.zhutui.support;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The controlled clock in place of the system's, for every integration test. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    @Bean
    @Primary
    TestClock testClock(@Value("${zhutui.time-zone:Asia/Shanghai}") String zone) {
        return new TestClock(ZoneId.of(zone));
    }
}
