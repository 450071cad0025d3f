package cn.zhutui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesAndPrintsDhis2Ids() {
        assertThat(Period.parse("202402").id()).isEqualTo("202402");
        assertThat(Period.parse("2024Q3").type()).isEqualTo(PeriodType.QUARTER);
        assertThat(Period.parse("2024S2").end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Period.parse("2024").start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThatThrownBy(() -> Period.parse("2024Q5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("202413")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Period.isValid("2024M1")).isFalse();
    }

    @Test
    void knowsItsDaysIncludingALeapFebruary() {
        assertThat(Period.parse("202402").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse("202302").end()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(Period.parse("2024Q1").contains(LocalDate.of(2024, 3, 31))).isTrue();
        assertThat(Period.parse("2024Q1").contains(LocalDate.of(2024, 4, 1))).isFalse();
        assertThat(Period.containing(LocalDate.of(2024, 8, 15), PeriodType.QUARTER).id()).isEqualTo("2024Q3");
        assertThat(Period.containing(LocalDate.of(2024, 8, 15), PeriodType.HALF_YEAR).id()).isEqualTo("2024S2");
    }

    @Test
    void stepsBackAndForthAcrossYears() {
        assertThat(Period.parse("2024Q1").previous().id()).isEqualTo("2023Q4");
        assertThat(Period.parse("202412").next().id()).isEqualTo("202501");
        assertThat(Period.parse("2024Q3").sameLastYear().id()).isEqualTo("2023Q3");
    }

    @Test
    void labelsInChineseAndEnglish() {
        assertThat(Period.parse("2021Q3").label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("2021年第三季度");
        assertThat(Period.parse("2021S1").label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("2021年上半年");
        assertThat(Period.parse("202103").label(Locale.ENGLISH)).isEqualTo("Mar 2021");
    }
}
