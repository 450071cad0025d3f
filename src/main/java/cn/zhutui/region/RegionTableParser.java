package cn.zhutui.region;

import cn.zhutui.common.ImportError;
import cn.zhutui.common.SheetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a division table (code, name, level, parent_code) row by row as it streams in, and puts
 * it in parent-first order with paths. All errors are collected (the first 500 are kept, with the
 * total), with the row and column, so the user fixes the file in one go.
 *
 * <p>The level comes from the code: 2, 4, 6, 9 or 12 digits, or a 12-digit code padded with zeros
 * (530102000000 is the county 530102). A level column may name it — province … village, 1–5, or
 * the Chinese words of the national tables (省, 州, 市, 县, 区, 旗, 乡, 镇, 街道, 村, 社区 …) — and is
 * only checked against the code: 市 and 区 name more than one level.
 */
final class RegionTableParser {

    record Parsed(List<Region> regions, List<ImportError> errors, int totalErrors, int rows) {
    }

    static final List<String> HEADERS = List.of("code", "name", "level", "parent_code");
    private static final Map<String, Integer> HEADER_ALIASES = Map.ofEntries(
            Map.entry("code", 0), Map.entry("代码", 0), Map.entry("区划代码", 0), Map.entry("统计用区划代码", 0),
            Map.entry("name", 1), Map.entry("名称", 1), Map.entry("区划名称", 1),
            Map.entry("level", 2), Map.entry("级别", 2), Map.entry("层级", 2), Map.entry("类型", 2),
            Map.entry("parent_code", 3), Map.entry("parent", 3), Map.entry("上级代码", 3), Map.entry("上级区划代码", 3));
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    static final int MAX_ERRORS = 500;

    /** The words a level column may hold, and the levels each may mean. */
    private static final Map<String, Set<RegionLevel>> LEVEL_WORDS = levelWords();

    private final Function<String, Region> existing;
    private final List<ImportError> errors = new ArrayList<>();
    private int totalErrors;
    private int[] columns;
    private int rows;

    private record Line(int row, String sheet, String code, String name, RegionLevel level, String parent) {
    }

    private final Map<String, Line> byCode = new LinkedHashMap<>();

    /** @param existing looks up a code already in the database (for parents outside the file) */
    RegionTableParser(Function<String, Region> existing) {
        this.existing = existing;
    }

    /** Takes the next row of the file. */
    void accept(SheetRow row) {
        if (row.sheet().startsWith("_")) {
            return;
        }
        if (columns == null) {
            if (DIGITS.matcher(row.cell(0)).matches()) {
                columns = new int[] {0, 1, 2, 3};
            } else {
                columns = headerColumns(row);
                return;
            }
        }
        rows++;
        String code = row.cell(columns[0]);
        String name = row.cell(columns[1]);
        String levelText = columns[2] < 0 ? "" : row.cell(columns[2]);
        String parent = row.cell(columns[3]);
        int before = totalErrors;
        RegionLevel level = null;
        if (!DIGITS.matcher(code).matches()) {
            error(row, "code", "region.import.code", code);
        } else {
            level = levelOfCode(code);
            code = level == null ? code : shortCode(code, level);
            if (level == null) {
                error(row, "code", "region.import.codeLength", code);
            } else if (!levelText.isEmpty() && !LEVEL_WORDS.getOrDefault(levelText.trim().toLowerCase(), Set.of()).contains(level)) {
                error(row, "level", LEVEL_WORDS.containsKey(levelText.trim().toLowerCase()) ? "region.import.levelMismatch" : "region.import.level",
                        levelText, code);
            } else if (byCode.containsKey(code)) {
                error(row, "code", "region.import.duplicate", code, byCode.get(code).row());
            }
        }
        if (name.isEmpty() || name.length() > 100) {
            error(row, "name", "region.import.name");
        }
        if (DIGITS.matcher(parent).matches() && level != null && level != RegionLevel.PROVINCE) {
            RegionLevel parentLevel = levelOfCode(parent);
            parent = parentLevel == null ? parent : shortCode(parent, parentLevel);
        }
        if (level != null && level != RegionLevel.PROVINCE && parent.isEmpty()) {
            error(row, "parent_code", "region.import.parentMissing");
        } else if (!parent.isEmpty() && !code.startsWith(parent)) {
            error(row, "parent_code", "region.import.parentPrefix", parent, code);
        }
        if (totalErrors == before && level != null) {
            byCode.put(code, new Line(row.number(), row.sheet(), code, name, level, parent.isEmpty() ? null : parent));
        }
    }

    /** Resolves the parents (in the file, in any order, or in the database) and gives the result. */
    Parsed finish() {
        if (columns == null) {
            errors.add(new ImportError("", 0, null, "import.empty"));
            return new Parsed(List.of(), errors, 1, 0);
        }
        if (rows == 0 && totalErrors == 0) {
            errors.add(new ImportError("", 0, null, "import.noRows"));
            return new Parsed(List.of(), errors, 1, 0);
        }
        Map<String, Region> resolved = new HashMap<>();
        List<Region> ordered = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            for (Line line : byCode.values()) {
                if (line.level() != level) {
                    continue;
                }
                String parentPath = "/";
                if (line.parent() != null) {
                    Region parent = resolved.containsKey(line.parent()) ? resolved.get(line.parent()) : existing.apply(line.parent());
                    if (parent == null) {
                        error(line, "parent_code", "region.import.parentUnknown", line.parent());
                        continue;
                    }
                    if (parent.level() != level.depth() - 1) {
                        error(line, "parent_code", "region.import.parentLevel", line.parent());
                        continue;
                    }
                    parentPath = parent.path();
                }
                Region region = new Region(line.code(), line.name(), level.depth(), line.parent(), parentPath + line.code() + "/");
                resolved.put(region.code(), region);
                ordered.add(region);
            }
        }
        errors.sort(java.util.Comparator.comparingInt(ImportError::row));
        return new Parsed(ordered, errors, totalErrors, rows);
    }

    /** The whole table at once (tests, small files). */
    static Parsed parse(List<SheetRow> rows, Function<String, Region> existing) {
        RegionTableParser parser = new RegionTableParser(existing);
        rows.forEach(parser::accept);
        return parser.finish();
    }

    private void error(SheetRow row, String column, String code, Object... args) {
        totalErrors++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(ImportError.of(row, column, code, args));
        }
    }

    private void error(Line line, String column, String code, Object... args) {
        totalErrors++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportError(line.sheet(), line.row(), column, code, args));
        }
    }

    /** The level a code's length (or, for a padded 12-digit code, its trailing zeros) tells. */
    static RegionLevel levelOfCode(String code) {
        for (RegionLevel l : RegionLevel.values()) {
            if (code.length() == l.codeLength()) {
                if (l != RegionLevel.VILLAGE) {
                    return l;
                }
                if (code.endsWith("0000000000")) {
                    return RegionLevel.PROVINCE;
                }
                if (code.endsWith("00000000")) {
                    return RegionLevel.PREFECTURE;
                }
                if (code.endsWith("000000")) {
                    return RegionLevel.COUNTY;
                }
                if (code.endsWith("000")) {
                    return RegionLevel.TOWNSHIP;
                }
                return RegionLevel.VILLAGE;
            }
        }
        return null;
    }

    private static String shortCode(String code, RegionLevel level) {
        return code.length() > level.codeLength() ? code.substring(0, level.codeLength()) : code;
    }

    private int[] headerColumns(SheetRow header) {
        int[] found = {-1, -1, -1, -1};
        for (int i = 0; i < header.cells().size(); i++) {
            Integer target = HEADER_ALIASES.get(header.cell(i).toLowerCase());
            if (target != null && found[target] < 0) {
                found[target] = i;
            }
        }
        for (int i = 0; i < found.length; i++) {
            if (found[i] < 0 && i != 2) {
                error(header, HEADERS.get(i), "import.headerMissing", HEADERS.get(i));
            }
        }
        return found;
    }

    private static Map<String, Set<RegionLevel>> levelWords() {
        Map<String, Set<RegionLevel>> m = new HashMap<>();
        java.util.function.BiConsumer<RegionLevel, List<String>> put = (level, words) ->
                words.forEach(w -> m.computeIfAbsent(w, k -> java.util.EnumSet.noneOf(RegionLevel.class)).add(level));
        put.accept(RegionLevel.PROVINCE, List.of("province", "1", "省", "省级", "自治区", "直辖市"));
        put.accept(RegionLevel.PREFECTURE, List.of("prefecture", "2", "市", "州", "自治州", "地区", "盟", "地级", "地级市", "市级"));
        put.accept(RegionLevel.COUNTY, List.of("county", "3", "县", "区", "市", "旗", "自治县", "自治旗", "县级市", "市辖区", "特区",
                "林区", "县级", "县区"));
        put.accept(RegionLevel.TOWNSHIP, List.of("township", "4", "乡", "镇", "街道", "苏木", "民族乡", "乡级", "乡镇", "乡镇街道"));
        put.accept(RegionLevel.VILLAGE, List.of("village", "5", "村", "社区", "居委会", "村委会", "嘎查", "村级", "村社区"));
        return m;
    }
}
