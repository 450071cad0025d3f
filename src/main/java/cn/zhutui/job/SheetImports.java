package cn.zhutui.job;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ErrorWorkbook;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.ImportErrors;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.SpreadsheetReader;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileKind;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one way a spreadsheet is imported in the background, for every module: the upload is stored
 * (after the caller checked the user may import) and queued; the job reads it as a stream with a
 * cap on its rows; a file with errors comes back as the same workbook with its bad cells marked,
 * and the page lists the first errors as sentences with the total.
 */
@Component
public class SheetImports {

    private final FileService files;
    private final JobService jobs;
    private final MessageSource messages;
    private final int maxRows;

    SheetImports(FileService files, JobService jobs, MessageSource messages, @Value("${zhutui.import.max-rows:50000}") int maxRows) {
        this.files = files;
        this.jobs = jobs;
        this.messages = messages;
        this.maxRows = maxRows;
    }

    /** The most data rows one import takes. */
    public int maxRows() {
        return maxRows;
    }

    /** Stores an upload the owner may import (checked by the caller first) and queues its job. */
    public long start(DataScope owner, String kind, InputStream upload, String filename, Map<String, Object> params) {
        StoredFile file = files.store(upload, filename, FileKind.SPREADSHEETS, owner.userId());
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("filename", file.originalName());
        return jobs.submit(kind, owner, all, file.id());
    }

    /**
     * The rows of the job's file (hidden "_" sheets included, for templates that carry their
     * metadata there), or empty after failing the job with the reason: unreadable, too many rows,
     * or no data rows at all.
     */
    public Optional<List<SheetRow>> read(JobContext context) throws IOException {
        StoredFile file = files.find(context.job().fileId()).orElseThrow();
        List<SheetRow> rows = new ArrayList<>();
        try (InputStream in = files.open(file)) {
            SpreadsheetReader.read(in, rows::add, maxRows);
        } catch (BusinessException e) {
            context.fail(e.code(), Map.of("args", texts(e.args())), null);
            return Optional.empty();
        }
        long sheetsWithData = rows.stream().filter(r -> !r.sheet().startsWith("_")).map(SheetRow::sheet).distinct().count();
        long dataRows = rows.stream().filter(r -> !r.sheet().startsWith("_")).count() - sheetsWithData;
        if (dataRows <= 0) {
            context.fail("import.noRows", Map.of(), null);
            return Optional.empty();
        }
        return Optional.of(rows);
    }

    /**
     * Fails the job with its errors: the upload given back with the bad cells marked and an error
     * column on the sheets that have errors, and the first errors as sentences with the total.
     *
     * @param code    the headline's message code, with args
     */
    public void failWithErrors(JobContext context, List<SheetRow> rows, List<ImportError> errors, String code, List<Object> args,
                               Locale locale) throws IOException {
        Map<String, Object> params = jobs.params(context.job());
        String original = String.valueOf(params.getOrDefault("filename", "import.xlsx"));
        String errorTitle = messages.getMessage("import.errorColumn", null, locale);
        java.util.function.Function<ImportError, String> describe = e -> messages.getMessage(e.code(), e.args(), e.code(), locale);
        // the workbook itself, marked (dropdowns and all), when it can be opened whole; else rebuilt from its rows
        StoredFile upload = files.find(context.job().fileId()).orElseThrow();
        Optional<Path> marked;
        try (InputStream in = files.open(upload)) {
            marked = ErrorWorkbook.mark(in, upload.size(), 1, errors, errorTitle, describe);
        }
        Path report = marked.isPresent() ? marked.get()
                : ErrorWorkbook.write(rows.stream().filter(r -> !r.sheet().startsWith("_")).toList(), 1, errors, errorTitle, describe);
        try {
            String extension = report.toString().endsWith(".xls") ? ".xls" : ".xlsx";
            String name = original.replaceAll("\\.(xlsx|xls|csv|gz|zip)$", "") + "-错误" + extension;
            StoredFile stored = files.storeGenerated(report, name, extension.equals(".xls") ? "application/vnd.ms-excel" : Workbooks.XLSX,
                    context.job().userId());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("args", args.stream().map(String::valueOf).toList());
            result.put("errors", errors.size());
            result.put("firstErrors", ImportErrors.shown(errors, messages, locale));
            context.fail(code, result, stored.id());
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private List<String> texts(Object[] args) {
        if (args == null) {
            return List.of();
        }
        return java.util.Arrays.stream(args).map(a -> a instanceof org.springframework.context.MessageSourceResolvable r
                ? messages.getMessage(r, Locale.SIMPLIFIED_CHINESE) : String.valueOf(a)).toList();
    }
}
