package cn.zhutui.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every connection of the pool is set to, and the title index's pairs. */
@IntegrationTest
class DatabaseSessionTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStatementIsPlannedForItsOwnValues() {
        for (int i = 0; i < 12; i++) {
            // more than the driver's five executions before it prepares on the server
            assertThat(jdbc.sql("SELECT current_setting('plan_cache_mode')").query(String.class).single()).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void aTitleIsIndexedByItsCharacterPairs() {
        assertThat(jdbc.sql("SELECT unnest(text_bigrams('核桃种植核桃'))").query(String.class).list())
                .containsExactlyInAnyOrder("核桃", "桃种", "种植", "植核");
        assertThat(jdbc.sql("SELECT unnest(text_bigrams('核'))").query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("SELECT text_bigrams('核桃种植') @> text_bigrams('核桃')").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT text_bigrams('核桃种植') @> text_bigrams('桃核')").query(Boolean.class).single()).isFalse();
    }
}
