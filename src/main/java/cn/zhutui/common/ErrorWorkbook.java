package cn.zhutui.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The uploaded file given back with its errors: the same sheets, rows and cells, an error column
 * at the end of each sheet saying what is wrong in each bad row, and the bad cells filled red.
 * The user fixes the cells and uploads this very file again.
 */
public final class ErrorWorkbook {

    private ErrorWorkbook() {
    }

    /**
     * @param rows        every row read from the upload, headers included, in order
     * @param headerRow   the row number (1-based) of each sheet's header, where column titles are looked up
     * @param errorTitle  the title of the added error column
     * @param describe    turns an error into a sentence in the user's language
     */
    public static Path write(List<SheetRow> rows, int headerRow, List<ImportError> errors, String errorTitle,
                             Function<ImportError, String> describe) throws IOException {
        Map<String, List<SheetRow>> bySheet = rows.stream()
                .collect(Collectors.groupingBy(SheetRow::sheet, LinkedHashMap::new, Collectors.toList()));
        Map<String, Map<Integer, List<ImportError>>> errorsBySheetRow = errors.stream().collect(Collectors.groupingBy(
                ImportError::sheet, Collectors.groupingBy(ImportError::row)));
        Path file = Files.createTempFile("zhutui-errors", ".xlsx");
        // shared strings, as Excel writes them: the user edits this file and uploads it again
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true)) {
            CellStyle bad = wb.createCellStyle();
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle message = wb.createCellStyle();
            Font red = wb.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            message.setFont(red);
            message.setWrapText(true);
            CellStyle header = Workbooks.headerStyle(wb);
            for (Map.Entry<String, List<SheetRow>> sheetRows : bySheet.entrySet()) {
                Sheet sheet = wb.createSheet(sheetRows.getKey());
                int width = sheetRows.getValue().stream().mapToInt(r -> r.cells().size()).max().orElse(0);
                List<String> titles = sheetRows.getValue().stream().filter(r -> r.number() == headerRow).findFirst()
                        .map(SheetRow::cells).orElse(List.of());
                Map<Integer, List<ImportError>> sheetErrors = errorsBySheetRow.getOrDefault(sheetRows.getKey(), Map.of());
                for (SheetRow r : sheetRows.getValue()) {
                    Row row = sheet.createRow(r.number() - 1);
                    List<ImportError> rowErrors = sheetErrors.getOrDefault(r.number(), List.of());
                    List<Integer> badColumns = new ArrayList<>();
                    for (ImportError e : rowErrors) {
                        int i = columnIndex(titles, e.column());
                        if (i >= 0) {
                            badColumns.add(i);
                        }
                    }
                    for (int c = 0; c < r.cells().size(); c++) {
                        String value = r.cells().get(c);
                        if ((value == null || value.isEmpty()) && !badColumns.contains(c)) {
                            continue;
                        }
                        var cell = row.createCell(c);
                        cell.setCellValue(value == null ? "" : value);
                        if (r.number() == headerRow) {
                            cell.setCellStyle(header);
                        } else if (badColumns.contains(c)) {
                            cell.setCellStyle(bad);
                        }
                    }
                    if (r.number() == headerRow) {
                        var cell = row.createCell(width);
                        cell.setCellValue(errorTitle);
                        cell.setCellStyle(header);
                    } else if (!rowErrors.isEmpty()) {
                        var cell = row.createCell(width);
                        cell.setCellValue(rowErrors.stream().map(e -> (e.column() == null ? "" : e.column() + "：") + describe.apply(e))
                                .collect(Collectors.joining("；")));
                        cell.setCellStyle(message);
                    }
                }
                for (int c = 0; c <= width; c++) {
                    sheet.setColumnWidth(c, (c == width ? 60 : 16) * 256);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static int columnIndex(List<String> titles, String column) {
        if (column == null) {
            return -1;
        }
        for (int i = 0; i < titles.size(); i++) {
            String t = titles.get(i).replace("*", "").trim();
            if (t.equals(column.replace("*", "").trim())) {
                return i;
            }
        }
        return -1;
    }
}
