package cn.zhutui;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each feature package uses another only through its public types (services, models): no cycles, no reaching in. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(ZhutuiApplication.class).verify();
    }
}
