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
 * The uploaded file given back with its errors, for the user to fix and upload again. An Excel
 * workbook of a moderate size comes back as itself — its dropdowns, hidden lists, frozen panes,
 * number and date cells, styles and widths untouched — with the bad cells filled red and an error
 * column only on the sheets that have errors. A CSV, or a workbook too large to open whole in
 * memory, is written anew from its rows, marked the same way.
 */
public final class ErrorWorkbook {

    /** Larger workbooks are written anew from their rows (opening one whole takes ~50x its size in memory). */
    public static final long MAX_MARKED_BYTES = 4L * 1024 * 1024;

    private ErrorWorkbook() {
    }

    /**
     * The workbook itself with its errors marked, or empty if it cannot be (not an Excel workbook,
     * or too large): then {@link #write} rebuilds it.
     *
     * @param headerRow the row number (1-based) of each sheet's header, where column titles are looked up
     */
    public static java.util.Optional<Path> mark(java.io.InputStream original, long size, int headerRow, List<ImportError> errors,
                                                String errorTitle, Function<ImportError, String> describe) throws IOException {
        if (size > MAX_MARKED_BYTES) {
            return java.util.Optional.empty();
        }
        byte[] bytes = original.readAllBytes();
        org.apache.poi.poifs.filesystem.FileMagic magic = org.apache.poi.poifs.filesystem.FileMagic.valueOf(bytes);
        if (magic != org.apache.poi.poifs.filesystem.FileMagic.OOXML && magic != org.apache.poi.poifs.filesystem.FileMagic.OLE2) {
            return java.util.Optional.empty();
        }
        Map<String, Map<Integer, List<ImportError>>> bySheetRow = errors.stream().collect(Collectors.groupingBy(
                ImportError::sheet, Collectors.groupingBy(ImportError::row)));
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes))) {
            boolean xlsx = wb instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook;
            Map<Short, CellStyle> redOf = new java.util.HashMap<>();
            CellStyle message = wb.createCellStyle();
            Font red = wb.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            message.setFont(red);
            message.setWrapText(true);
            message.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            CellStyle header = Workbooks.headerStyle(wb);
            for (Map.Entry<String, Map<Integer, List<ImportError>>> sheetErrors : bySheetRow.entrySet()) {
                Sheet sheet = wb.getSheet(sheetErrors.getKey());
                if (sheet == null) {
                    continue; // an error of the whole file, not of a sheet
                }
                Row titles = sheet.getRow(headerRow - 1);
                if (titles == null) {
                    titles = sheet.createRow(headerRow - 1);
                }
                List<String> names = new ArrayList<>();
                int width = Math.max(0, titles.getLastCellNum());
                for (int c = 0; c < width; c++) {
                    var cell = titles.getCell(c);
                    names.add(cell == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell));
                }
                // the error column goes after the last column the sheet uses, header row or not
                for (Row r : sheet) {
                    width = Math.max(width, r.getLastCellNum());
                }
                var title = titles.createCell(width);
                title.setCellValue(errorTitle);
                title.setCellStyle(header);
                sheet.setColumnWidth(width, 60 * 256);
                for (Map.Entry<Integer, List<ImportError>> rowErrors : sheetErrors.getValue().entrySet()) {
                    if (rowErrors.getKey() < 1 || rowErrors.getKey() == headerRow) {
                        continue;
                    }
                    Row row = sheet.getRow(rowErrors.getKey() - 1);
                    if (row == null) {
                        row = sheet.createRow(rowErrors.getKey() - 1);
                    }
                    for (ImportError e : rowErrors.getValue()) {
                        int i = columnIndex(names, e.column());
                        if (i >= 0) {
                            var cell = row.getCell(i) != null ? row.getCell(i) : row.createCell(i);
                            CellStyle own = cell.getCellStyle();
                            cell.setCellStyle(redOf.computeIfAbsent(own.getIndex(), k -> {
                                CellStyle s = wb.createCellStyle();
                                s.cloneStyleFrom(own);
                                s.setFillForegroundColor(IndexedColors.ROSE.getIndex());
                                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                                return s;
                            }));
                        }
                    }
                    var cell = row.createCell(width);
                    cell.setCellValue(rowErrors.getValue().stream().map(e -> (e.column() == null ? "" : e.column() + "：") + describe.apply(e))
                            .collect(Collectors.joining("；")));
                    cell.setCellStyle(message);
                }
            }
            Path file = Files.createTempFile("zhutui-errors", xlsx ? ".xlsx" : ".xls");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return java.util.Optional.of(file);
        } catch (org.apache.poi.EncryptedDocumentException | IllegalArgumentException | org.apache.poi.ooxml.POIXMLException e) {
            return java.util.Optional.empty();
        }
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
                    if (r.number() == headerRow && !sheetErrors.isEmpty()) {
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
                    sheet.setColumnWidth(c, (c == width ? (sheetErrors.isEmpty() ? 16 : 60) : 16) * 256);
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
