package cn.zhutui.consult;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.SheetRow;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobContext;
import cn.zhutui.job.JobHandler;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImports;
import cn.zhutui.security.CurrentScope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Imports a topic spreadsheet in the background (the shared SheetImports mechanism): the user
 * uploads, may leave, and comes back to the result — the counts, or their file with its errors
 * marked. Idempotent through the row keys, so a run cut off by a restart simply runs again.
 */
@Component
class TopicImportJob implements JobHandler {

    private final TopicImport imports;
    private final SheetImports sheets;
    private final JobService jobs;
    private final CurrentScope scopes;

    TopicImportJob(TopicImport imports, SheetImports sheets, JobService jobs, CurrentScope scopes) {
        this.imports = imports;
        this.sheets = sheets;
        this.jobs = jobs;
        this.scopes = scopes;
    }

    @Override
    public String kind() {
        return TopicImport.KIND;
    }

    @Override
    public String link(Job job) {
        return "/consult/topics/import/jobs/" + job.id();
    }

    @Override
    public void run(JobContext context) throws Exception {
        Job job = context.job();
        Map<String, Object> params = jobs.params(job);
        Locale locale = Locale.forLanguageTag(String.valueOf(params.getOrDefault("locale", "zh-CN")));
        DataScope scope = scopes.ofUser(job.userId());
        Optional<List<SheetRow>> read = sheets.read(context);
        if (read.isEmpty()) {
            return;
        }
        List<SheetRow> rows = read.get();
        TopicImport.Parsed parsed = imports.parse(scope, rows, locale);
        context.total(Math.max(1, parsed.dataRows()));
        if (parsed.dataRows() == 0 && parsed.errors().isEmpty()) {
            context.fail("import.noRows", Map.of(), null);
            return;
        }
        if (!parsed.errors().isEmpty()) {
            sheets.failWithErrors(context, rows, parsed.errors(), "consult.import.errors", List.of(parsed.errors().size(), parsed.dataRows()), locale);
            return;
        }
        int imported = imports.importAll(scope, parsed, context::progress);
        int rowsRead = parsed.forms().size();
        context.succeed("consult.import.done", Map.of("args", List.of(rowsRead, imported, rowsRead - imported),
                "rows", rowsRead, "imported", imported, "ignored", rowsRead - imported), null);
    }
}
