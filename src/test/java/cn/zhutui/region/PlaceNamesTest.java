package cn.zhutui.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Places written as people write them, read against the real divisions of Yunnan (the bundled table). */
class PlaceNamesTest {

    static PlaceNames yunnan;
    static PlaceNames kunming;

    @BeforeAll
    static void load() throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PlaceNamesTest.class.getResourceAsStream("/data/regions-yunnan.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] c = line.split(",", -1);
                rows.put(c[0], c);
            }
        }
        List<Region> all = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (String[] c : rows.values()) {
            StringBuilder path = new StringBuilder(c[0] + "/");
            for (String p = c[3]; !p.isEmpty(); p = rows.get(p)[3]) {
                path.insert(0, p + "/");
            }
            all.add(new Region(c[0], c[1], RegionLevel.valueOf(c[2].toUpperCase()).depth(), c[3].isEmpty() ? null : c[3], "/" + path));
            names.put(c[0], c[1]);
        }
        List<Region> places = all.stream().filter(r -> r.level() >= RegionLevel.COUNTY.depth()).toList();
        yunnan = new PlaceNames(places, names);
        kunming = new PlaceNames(places.stream().filter(r -> r.code().startsWith("5301")).toList(), names);
    }

    @Test
    void aPlaceIsFoundHoweverItIsWritten() {
        for (String spoken : List.of("撒营盘镇", "禄劝县撒营盘镇", "禄劝/撒营盘", "禄劝彝族苗族自治县/撒营盘镇", "昆明市禄劝县撒营盘镇",
                "禄劝 撒营盘镇", "禄劝彝族苗族自治县撒营盘镇", " 撒营盘镇 ")) {
            PlaceNames.Match m = yunnan.find(spoken);
            assertThat(m.found()).as(spoken).isTrue();
            assertThat(m.region().code()).as(spoken).isEqualTo("530128102");
        }
        assertThat(yunnan.find("禄劝县").region().code()).isEqualTo("530128");
        assertThat(yunnan.find("翠湖西路社区").region().code()).isEqualTo("530102001001");
    }

    @Test
    void anAmbiguousNameListsItsCandidates() {
        // 新村 is a village in many townships of the province
        PlaceNames.Match m = yunnan.find("新村");
        assertThat(m.found()).isFalse();
        assertThat(m.candidates()).hasSizeGreaterThan(5);
        assertThat(yunnan.label(m.candidates().get(0))).contains("/").contains("新村");
        // naming the county (or township) above it settles it
        assertThat(yunnan.find("禄劝/新村").region().code()).isEqualTo("530128108207");
        assertThat(yunnan.find("禄劝县乌东德镇新村").region().code()).isEqualTo("530128108207");
        assertThat(yunnan.find("会泽县新村").region().code()).isEqualTo("530326106206");
    }

    @Test
    void aNameOutsideTheAreaIsNotFound() {
        assertThat(kunming.find("楚雄市").found()).isFalse();
        assertThat(kunming.find("楚雄市").candidates()).isEmpty();
        assertThat(yunnan.find("楚雄市").found()).isTrue();
        assertThat(yunnan.find("不存在的地方").candidates()).isEmpty();
    }

    @Test
    void spokenFormsOfNames() {
        assertThat(PlaceNames.forms("禄劝彝族苗族自治县")).contains("禄劝县", "禄劝");
        assertThat(PlaceNames.forms("楚雄彝族自治州")).contains("楚雄州", "楚雄");
        assertThat(PlaceNames.forms("撒营盘镇")).contains("撒营盘");
        assertThat(PlaceNames.forms("新村村民委员会")).contains("新村");
    }
}
