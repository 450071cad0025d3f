package cn.zhutui.monitor;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.SheetRow;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
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

/** Matches a department's screening file in the background (the shared job mechanism), with progress; the owner comes back to the counts. */
@Component
class ScreeningJob implements JobHandler {

    private final Screenings screenings;
    private final SheetImports sheets;
    private final JobService jobs;
    private final FileService files;
    private final CurrentScope scopes;

    ScreeningJob(Screenings screenings, SheetImports sheets, JobService jobs, FileService files, CurrentScope scopes) {
        this.screenings = screenings;
        this.sheets = sheets;
        this.jobs = jobs;
        this.files = files;
        this.scopes = scopes;
    }

    @Override
    public String kind() {
        return Screenings.KIND;
    }

    @Override
    public String link(Job job) {
        return "/monitor/screenings/jobs/" + job.id();
    }

    @Override
    public void run(JobContext context) throws Exception {
        Job job = context.job();
        Map<String, Object> params = jobs.params(job);
        Locale locale = Locale.forLanguageTag(String.valueOf(params.getOrDefault("locale", "zh-CN")));
        DataScope scope = scopes.ofUser(job.userId());
        // a department's list may be longer than an ordinary import: the reader lets the difference through, and the rows are counted here
        Optional<List<SheetRow>> read = sheets.read(context, Math.max(0, screenings.maxRows() - sheets.maxRows()));
        if (read.isEmpty()) {
            return;
        }
        List<SheetRow> rows = read.get();
        if (rows.stream().filter(r -> !r.sheet().startsWith("_")).count() - 1 > screenings.maxRows()) {
            context.fail("import.tooManyRows", Map.of("args", List.of(String.format("%,d", screenings.maxRows()))), null);
            return;
        }
        context.total(Math.max(1, rows.size() - 1));
        StoredFile file = files.find(job.fileId()).orElseThrow();
        Screenings.Result result;
        try {
            result = screenings.match(scope, String.valueOf(params.get("department")), String.valueOf(params.getOrDefault("filename", file.originalName())),
                    file.sha256(), job.id(), rows, context::progress);
        } catch (BusinessException e) {
            context.fail(e.code(), Map.of(), null);
            return;
        }
        if (!result.errors().isEmpty()) {
            sheets.failWithErrors(context, rows, result.errors(), "monitor.screening.errors", List.of(result.errors().size(), result.rows()), locale);
            return;
        }
        context.succeed("monitor.screening.done", Map.of("args", List.of(result.rows(), result.matched(), result.opened(), result.attached(),
                result.unmatched()), "screeningId", result.screeningId()), null);
    }
}
