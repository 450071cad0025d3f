package cn.zhutui.job;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.file.FileResponses;
import cn.zhutui.file.FileService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.ui.Model;

/**
 * What every background job's page shows and serves: the job with its outcome and result in the
 * model, and the file it left (the workbook with its errors marked) — only for a job of the page's
 * kind that the user may see; any other is not found.
 */
public final class JobPages {

    private JobPages() {
    }

    /** The job, its outcome and its result for the page; returns the job. */
    public static Job show(JobService jobs, DataScope scope, long id, String kind, Model model, Locale locale) {
        Job job = jobs.get(scope, id, kind);
        model.addAttribute("job", job);
        model.addAttribute("outcome", jobs.outcome(job, locale));
        model.addAttribute("result", jobs.result(job));
        return job;
    }

    /** The file the job left, as a download. */
    public static void sendResultFile(JobService jobs, FileService files, DataScope scope, long id, String kind, HttpServletResponse response)
            throws IOException {
        Job job = jobs.get(scope, id, kind);
        FileResponses.send(files, files.find(job.resultFileId() == null ? -1 : job.resultFileId())
                .orElseThrow(() -> new NotFoundException("file", id)), response);
    }
}
