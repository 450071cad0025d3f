package cn.zhutui.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Places as people write them: "撒营盘镇", "禄劝县撒营盘镇", "禄劝/撒营盘", or the full
 * "禄劝彝族苗族自治县/撒营盘镇". A name is matched against the places of one area (a user's scope),
 * with or without the places above it, whole, shortened ("禄劝" for 禄劝彝族苗族自治县, "楚雄州")
 * or by its beginning. A name that fits one place gives that place; one that fits several gives
 * the candidates, so the user can be asked which. Built once per import; answers are cached.
 */
public final class PlaceNames {

    /** The answer for one name: the place, or none and the candidates (empty when nothing fits). */
    public record Match(Region region, List<Region> candidates) {

        public boolean found() {
            return region != null;
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("[/／\\\\|｜、,，\\s·>＞-]+");
    /** "彝族苗族自治县" and the like: what a spoken name leaves out. */
    private static final Pattern AUTONOMOUS = Pattern.compile("(?:(?:汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎"
            + "|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯"
            + "|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族)+自治(县|州|旗)$");
    private static final Pattern LEVEL_WORD = Pattern.compile("(街道办事处|街道|社区居民委员会|居民委员会|村民委员会|社区居委会|居委会|村委会|社区|镇|乡|村|县|区|市|州|省|旗)$");

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, List<Region>> byForm = new HashMap<>();
    /** Places by the first two characters of their name, for names written by their beginning. */
    private final Map<String, List<Region>> byStart = new HashMap<>();
    private final Map<String, String> names;
    private final Map<String, Match> cache = new HashMap<>();

    /**
     * @param places the places a name may mean
     * @param names  the names of those places and of every place above them, by code
     */
    PlaceNames(Collection<Region> places, Map<String, String> names) {
        this.names = names;
        for (Region r : places) {
            byCode.put(r.code(), r);
            for (String form : forms(r.name())) {
                byForm.computeIfAbsent(form, k -> new ArrayList<>()).add(r);
            }
            if (r.name().length() >= 2) {
                byStart.computeIfAbsent(r.name().substring(0, 2), k -> new ArrayList<>()).add(r);
            }
        }
    }

    public int size() {
        return byCode.size();
    }

    public Match find(String spoken) {
        String key = spoken == null ? "" : SEPARATORS.matcher(spoken.trim()).replaceAll("/");
        return cache.computeIfAbsent(key, this::resolve);
    }

    /** "禄劝彝族苗族自治县/撒营盘镇": a place with the places above it, from the county down. */
    public String label(Region r) {
        List<String> parts = new ArrayList<>();
        for (String code : ancestors(r)) {
            parts.add(names.getOrDefault(code, code));
        }
        parts.add(r.name());
        return String.join("/", parts.subList(Math.max(0, parts.size() - 3), parts.size()));
    }

    private Match resolve(String key) {
        if (key.isEmpty()) {
            return new Match(null, List.of());
        }
        String whole = key.replace("/", "");
        String[] segments = key.split("/");
        // every place the last part of the name could be, with how loosely it had to be read
        Map<Region, Integer> fits = new HashMap<>();
        String last = segments[segments.length - 1];
        // with separators the place is the last part; without, any ending of the text may be its name
        int firstFrom = segments.length > 1 ? whole.length() - last.length() : 0;
        int lastFrom = segments.length > 1 ? firstFrom : whole.length() - 1;
        for (int from = firstFrom; from <= lastFrom; from++) {
            String tail = whole.substring(from);
            String rest = whole.substring(0, from);
            for (Region r : byForm.getOrDefault(tail, List.of())) {
                int loose = above(rest, r);
                if (loose >= 0) {
                    fits.merge(r, loose + (tail.equals(r.name()) ? 0 : 1), Math::min);
                }
            }
            if (tail.length() >= 2) {
                for (Region r : byStart.getOrDefault(tail.substring(0, 2), List.of())) {
                    if (r.name().startsWith(tail) && !r.name().equals(tail)) {
                        int loose = above(rest, r);
                        if (loose >= 0) {
                            fits.merge(r, loose + 2, Math::min);
                        }
                    }
                }
            }
        }
        if (fits.isEmpty()) {
            return new Match(null, List.of());
        }
        int best = fits.values().stream().min(Integer::compare).orElseThrow();
        List<Region> tied = fits.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        // "撒营盘" for both 撒营盘镇 and its 撒营盘社区: the town is meant, the one the other lies in
        List<Region> closest = tied.stream().filter(r -> tied.stream().noneMatch(o -> o != r && o.contains(r)))
                .sorted(Comparator.comparing(Region::code)).toList();
        if (closest.size() == 1) {
            return new Match(closest.get(0), List.of());
        }
        return new Match(null, closest);
    }

    /**
     * Whether the text before a place's name names places above it (nearest last, any skipped):
     * -1 if not; otherwise how loosely (0 when every part is a whole name).
     */
    private int above(String rest, Region r) {
        if (rest.isEmpty()) {
            return 0;
        }
        List<String> codes = ancestors(r);
        return consume(rest, codes, codes.size() - 1);
    }

    private int consume(String rest, List<String> codes, int upTo) {
        if (rest.isEmpty()) {
            return 0;
        }
        for (int i = upTo; i >= 0; i--) {
            String name = names.get(codes.get(i));
            if (name == null) {
                continue;
            }
            for (String form : forms(name)) {
                if (rest.endsWith(form)) {
                    int loose = consume(rest.substring(0, rest.length() - form.length()), codes, i - 1);
                    if (loose >= 0) {
                        return loose + (form.equals(name) ? 0 : 1);
                    }
                }
            }
            for (int len = Math.min(name.length() - 1, rest.length()); len >= 2; len--) {
                if (rest.endsWith(name.substring(0, len))) {
                    int loose = consume(rest.substring(0, rest.length() - len), codes, i - 1);
                    if (loose >= 0) {
                        return loose + 2;
                    }
                }
            }
        }
        return -1;
    }

    /** The codes above a place, province first. */
    private static List<String> ancestors(Region r) {
        List<String> codes = new ArrayList<>();
        for (String c : r.path().split("/")) {
            if (!c.isEmpty() && !c.equals(r.code())) {
                codes.add(c);
            }
        }
        return codes;
    }

    /** A name and its spoken forms: 禄劝彝族苗族自治县 → 禄劝县, 禄劝; 撒营盘镇 → 撒营盘. */
    static Set<String> forms(String name) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(name);
        var autonomous = AUTONOMOUS.matcher(name);
        if (autonomous.find() && autonomous.start() >= 2) {
            String base = name.substring(0, autonomous.start());
            forms.add(base + autonomous.group(1));
            forms.add(base);
        }
        var level = LEVEL_WORD.matcher(name);
        if (level.find() && level.start() >= 2) {
            forms.add(name.substring(0, level.start()));
        }
        return forms;
    }
}
