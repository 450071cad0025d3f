package cn.zhutui.common;

/**
 * What is wrong with one cell (or row, when column is null) of an uploaded file: the row number
 * as the user sees it, the column header, a message code and its arguments.
 */
public record ImportError(String sheet, int row, String column, String code, Object... args) {

    /** A column is named as the user reads it: without the * that marks a required one. */
    public ImportError {
        column = column == null ? null : column.replace("*", "").trim();
    }

    public static ImportError of(SheetRow row, String column, String code, Object... args) {
        return new ImportError(row.sheet(), row.number(), column, code, args);
    }
}
