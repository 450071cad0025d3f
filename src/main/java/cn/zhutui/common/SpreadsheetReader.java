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

    /** Every row of an upload of at most maxRows data rows (a larger one is refused, unread). */
    public static List<SheetRow> readAll(InputStream in, int maxRows) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        read(in, rows::add, maxRows);
        return rows;
    }

    /**
     * Streams the rows of an upload to the handler. Data rows (all but the first of each sheet;
     * hidden "_" sheets aside) are counted, and the read stops with {@link TooManyRowsException}
     * past maxRows, so a million-row file never fills the memory. A file that is not a table
     * (random bytes, a broken CSV quote, a document renamed) ends in {@link UnreadableFileException}.
     * A .gz, or a .zip holding one table, is read as the table inside.
     */
    public static void read(InputStream input, RowHandler handler, int maxRows) throws IOException {
        RowHandler counting = new RowHandler() {
            private final java.util.Set<String> sheets = new java.util.HashSet<>();
            private int data;

            @Override
            public void row(SheetRow row) {
                if (!row.sheet().startsWith("_") && !sheets.add(row.sheet()) && ++data > maxRows) {
                    throw new TooManyRowsException(maxRows);
                }
                handler.row(row);
            }
        };
        readAny(new BufferedInputStream(input), counting, 0);
    }

    private static void readAny(BufferedInputStream in, RowHandler handler, int depth) throws IOException {
        in.mark(8);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (head.length == 0) {
            throw new UnreadableFileException("import.reason.empty");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            if (depth > 0) {
                throw new UnreadableFileException("import.reason.nested");
            }
            readAny(new BufferedInputStream(new java.util.zip.GZIPInputStream(in)), handler, depth + 1);
        } else if (head.length >= 4 && head[0] == 'P' && head[1] == 'K') {
            readZip(in, handler, depth);
        } else if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
            readXls(in, handler);
        } else {
            readCsv(in, handler);
        }
    }

    /** An .xlsx (a zip with [Content_Types].xml), or a plain .zip holding one table. */
    private static void readZip(InputStream in, RowHandler handler, int depth) throws IOException {
        Path tmp = Files.createTempFile("zhutui-upload", ".zip");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            String inner = null;
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
                if (zip.getEntry("[Content_Types].xml") == null) {
                    inner = zip.stream().filter(e -> !e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).matches(".*\\.(csv|xlsx|xls)$"))
                            .map(java.util.zip.ZipEntry::getName).findFirst()
                            .orElseThrow(() -> new UnreadableFileException("import.reason.zipWithoutTable"));
                    if (depth > 0) {
                        throw new UnreadableFileException("import.reason.nested");
                    }
                    try (InputStream entry = zip.getInputStream(zip.getEntry(inner))) {
                        readAny(new BufferedInputStream(entry), handler, depth + 1);
                    }
                    return;
                }
                checkSharedStrings(zip);
            } catch (java.util.zip.ZipException e) {
                throw new UnreadableFileException("import.reason.brokenZip");
            }
            readXlsx(tmp, handler);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The shared strings of a workbook are held in memory while its sheets stream: refuse a table
     * of strings far beyond any file of the allowed rows before it is loaded.
     */
    private static void checkSharedStrings(java.util.zip.ZipFile zip) throws IOException {
        var entry = zip.getEntry("xl/sharedStrings.xml");
        if (entry == null) {
            return;
        }
        if (entry.getSize() > MAX_SHARED_STRINGS_BYTES) {
            throw new UnreadableFileException("import.reason.tooManyStrings");
        }
        try (InputStream s = zip.getInputStream(entry)) {
            String start = new String(s.readNBytes(600), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("uniqueCount=\"(\\d+)\"").matcher(start);
            if (m.find() && Long.parseLong(m.group(1)) > MAX_SHARED_STRINGS) {
                throw new UnreadableFileException("import.reason.tooManyStrings");
            }
        }
    }

    private static final long MAX_SHARED_STRINGS_BYTES = 150L * 1024 * 1024;
    private static final long MAX_SHARED_STRINGS = 3_000_000;

    private static void readXlsx(Path file, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
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
        } catch (BusinessException | IOException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BusinessException b) {
                throw b;
            }
            throw new UnreadableFileException("import.reason.brokenXlsx");
        } catch (Exception e) {
            throw new UnreadableFileException("import.reason.brokenXlsx");
        }
    }

    private static void readXls(InputStream in, RowHandler handler) throws IOException {
        DataFormatter formatter = new IsoDateFormatter();
        HSSFWorkbook workbook;
        try {
            workbook = new HSSFWorkbook(in);
        } catch (org.apache.poi.hssf.OldExcelFormatException e) {
            throw new UnreadableFileException("import.reason.oldXls");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("import.reason.brokenXls");
        }
        try (workbook) {
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
        if (binary(bytes)) {
            throw new UnreadableFileException("import.reason.binary");
        }
        try (Reader reader = new java.io.StringReader(decode(bytes))) {
            int n = 0;
            var records = CSVFormat.DEFAULT.builder().get().parse(reader).iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    // commons-csv: "(startline 3) EOF reached before encapsulated token finished"
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
                    throw new UnreadableFileException("import.reason.csvQuote", m.find() ? m.group(1) : String.valueOf(n + 1));
                }
                n++;
                emit(handler, new SheetRow("csv", n, record.toList()));
            }
        }
    }

    /** A text table has no NUL bytes and few control characters. */
    static boolean binary(byte[] bytes) {
        int n = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0c) {
                control++;
            }
        }
        return n > 0 && control * 100 / n > 2;
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
