package cn.zhutui.region;

import cn.zhutui.common.ImportError;
import cn.zhutui.common.SheetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a division table (code, name, level, parent_code) row by row and puts it in parent-first
 * order with paths. All errors are collected, with the row and column, so the user fixes the file
 * in one go.
 */
final class RegionTableParser {

    record Parsed(List<Region> regions, List<ImportError> errors) {
    }

    static final List<String> HEADERS = List.of("code", "name", "level", "parent_code");
    private static final Map<String, Integer> HEADER_ALIASES = Map.of(
            "code", 0, "代码", 0, "区划代码", 0, "name", 1, "名称", 1,
            "level", 2, "级别", 2, "层级", 2, "parent_code", 3, "上级代码", 3);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_ERRORS = 500;

    private RegionTableParser() {
    }

    /**
     * @param existing looks up a code already in the database (for parents outside the file)
     */
    static Parsed parse(List<SheetRow> rows, Function<String, Region> existing) {
        List<ImportError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new ImportError("", 0, null, "import.empty"));
            return new Parsed(List.of(), errors);
        }
        int[] columns = {0, 1, 2, 3};
        int first = 0;
        if (!DIGITS.matcher(rows.get(0).cell(0)).matches()) {
            columns = headerColumns(rows.get(0), errors);
            first = 1;
        }
        record Line(SheetRow row, String code, String name, RegionLevel level, String parent) {
        }
        Map<String, Line> byCode = new LinkedHashMap<>();
        for (SheetRow row : rows.subList(first, rows.size())) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            String code = row.cell(columns[0]);
            String name = row.cell(columns[1]);
            String levelText = row.cell(columns[2]);
            String parent = row.cell(columns[3]);
            int before = errors.size();
            RegionLevel level = RegionLevel.parse(levelText).orElse(null);
            if (level == null) {
                errors.add(ImportError.of(row, "level", "region.import.level", levelText));
            }
            if (!DIGITS.matcher(code).matches()) {
                errors.add(ImportError.of(row, "code", "region.import.code", code));
            } else if (level != null && code.length() != level.codeLength()) {
                errors.add(ImportError.of(row, "code", "region.import.codeLength", code, level.codeLength()));
            } else if (byCode.containsKey(code)) {
                errors.add(ImportError.of(row, "code", "region.import.duplicate", code, byCode.get(code).row().number()));
            }
            if (name.isEmpty() || name.length() > 100) {
                errors.add(ImportError.of(row, "name", "region.import.name"));
            }
            if (level != null && level != RegionLevel.PROVINCE && parent.isEmpty()) {
                errors.add(ImportError.of(row, "parent_code", "region.import.parentMissing"));
            } else if (!parent.isEmpty() && !code.startsWith(parent)) {
                errors.add(ImportError.of(row, "parent_code", "region.import.parentPrefix", parent, code));
            }
            if (errors.size() == before) {
                byCode.put(code, new Line(row, code, name, level, parent.isEmpty() ? null : parent));
            }
        }
        // Parents may come later in the file or already be in the database.
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
                        errors.add(ImportError.of(line.row(), "parent_code", "region.import.parentUnknown", line.parent()));
                        continue;
                    }
                    if (parent.level() != level.depth() - 1) {
                        errors.add(ImportError.of(line.row(), "parent_code", "region.import.parentLevel", line.parent()));
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
        return new Parsed(ordered, errors);
    }

    private static int[] headerColumns(SheetRow header, List<ImportError> errors) {
        int[] columns = {-1, -1, -1, -1};
        for (int i = 0; i < header.cells().size(); i++) {
            Integer target = HEADER_ALIASES.get(header.cell(i).toLowerCase());
            if (target != null) {
                columns[target] = i;
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] < 0) {
                errors.add(ImportError.of(header, HEADERS.get(i), "import.headerMissing", HEADERS.get(i)));
            }
        }
        return columns;
    }
}
