package cn.zhutui.common;

import java.util.List;

/** One row of an uploaded table: its sheet, its 1-based row number as the user sees it, its cells as text. */
public record SheetRow(String sheet, int number, List<String> cells) {

    public String cell(int index) {
        if (index < 0 || index >= cells.size()) {
            return "";
        }
        String v = cells.get(index);
        return v == null ? "" : v.trim();
    }

    public boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
