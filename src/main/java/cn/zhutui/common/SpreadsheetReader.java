package cn.zhutui.common;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded table — .xlsx (streamed, so 50,000 rows do not fill the heap), .xls or .csv
 * (UTF-8 or, as Excel in China saves it, GB18030) — whatever program wrote it. The format is
 * told by the file's first bytes, not its name. Dates come out as yyyy-MM-dd, numbers as typed.
 */
public final class SpreadsheetReader {

    /** Called for each non-empty row, in order. */
    @FunctionalInterface
    public interface RowHandler {
        void row(SheetRow row);
    }

    private SpreadsheetReader() {
    }

    public static List<SheetRow> readAll(InputStream in) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        read(in, rows::add);
        return rows;
    }

    public static void read(InputStream input, RowHandler handler) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input);
        in.mark(8);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K') {
            readXlsx(in, handler);
        } else if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
            readXls(in, handler);
        } else {
            readCsv(in, handler);
        }
    }

    private static void readXlsx(InputStream in, RowHandler handler) throws IOException {
        Path tmp = Files.createTempFile("zhutui-upload", ".xlsx");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        String name = sheets.getSheetName();
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                                new Collector(name, handler), new IsoDateFormatter(), false));
                        parser.parse(new InputSource(sheet));
                    }
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("unreadable xlsx: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void readXls(InputStream in, RowHandler handler) throws IOException {
        DataFormatter formatter = new IsoDateFormatter();
        try (HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                    emit(handler, new SheetRow(sheet.getSheetName(), row.getRowNum() + 1, cells));
                }
            }
        }
    }

    private static void readCsv(InputStream in, RowHandler handler) throws IOException {
        byte[] bytes = in.readAllBytes();
        try (Reader reader = new java.io.StringReader(decode(bytes))) {
            int n = 0;
            for (CSVRecord record : CSVFormat.DEFAULT.builder().get().parse(reader)) {
                n++;
                emit(handler, new SheetRow("csv", n, record.toList()));
            }
        }
    }

    /** UTF-8 (with or without BOM) if the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static void emit(RowHandler handler, SheetRow row) {
        if (!row.isBlank()) {
            handler.row(row);
        }
    }

    /** Turns the streamed cells of one sheet into rows, filling the gaps left by empty cells. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final RowHandler handler;
        private List<String> cells;

        Collector(String sheet, RowHandler handler) {
            this.sheet = sheet;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            emit(handler, new SheetRow(sheet, rowNum + 1, cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            if (col < cells.size()) {
                // a cell listed twice (some writers do): the later one is the cell's value
                cells.set(col, value == null ? "" : value);
            } else {
                cells.add(value == null ? "" : value);
            }
        }
    }

    private static boolean isGeneral(int formatIndex, String formatString) {
        return formatIndex == 0 || formatString == null || "General".equalsIgnoreCase(formatString);
    }

    /** Formats date cells as ISO dates whatever their display format; other cells as Excel shows them. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
                return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (isGeneral(formatIndex, formatString) && value == Math.rint(value) && Math.abs(value) < 1e15) {
                // Codes and phone numbers typed as numbers: Excel's "General" would show 5.30128E+11.
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }

        @Override
        public String formatCellValue(Cell cell) {
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                return formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                        cell.getCellStyle().getDataFormatString(), false);
            }
            return super.formatCellValue(cell);
        }
    }
}
