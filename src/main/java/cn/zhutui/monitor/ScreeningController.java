package cn.zhutui.monitor;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileService;
import cn.zhutui.job.JobPages;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Department screening files: the upload with the department, the job's progress and outcome, a batch with its unmatched rows. */
@Controller
@RequestMapping("/monitor/screenings")
class ScreeningController {

    private final Screenings screenings;
    private final JobService jobs;
    private final SheetImports sheets;
    private final FileService files;
    private final AutomaticChecks checks;

    ScreeningController(Screenings screenings, JobService jobs, SheetImports sheets, FileService files, AutomaticChecks checks) {
        this.screenings = screenings;
        this.checks = checks;
        this.jobs = jobs;
        this.sheets = sheets;
        this.files = files;
    }

    @GetMapping
    String page(DataScope scope, Model model) {
        screenings.requireImporter(scope);
        model.addAttribute("maxRows", screenings.maxRows());
        model.addAttribute("recent", screenings.recent(scope, 20));
        model.addAttribute("year", checks.today().getYear() - 1);
        return "monitor/screenings";
    }

    @GetMapping("/template")
    void template(DataScope scope, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        cn.zhutui.common.Workbooks.send(response, screenings.template(scope), "部门筛查预警名单模板.xlsx");
    }

    @PostMapping
    String upload(DataScope scope, @RequestParam(required = false) String department, @RequestParam("file") MultipartFile file, Locale locale,
                  RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return "redirect:/monitor/screenings";
        }
        try (InputStream in = file.getInputStream()) {
            long job = screenings.start(scope, department, in, file.getOriginalFilename(), locale);
            return "redirect:/monitor/screenings/jobs/" + job;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/monitor/screenings";
        }
    }

    @PostMapping("/checks")
    String runChecks(DataScope scope, @RequestParam int year, RedirectAttributes flash) {
        try {
            AutomaticChecks.Outcome o = checks.run(scope, year);
            flash.addFlashAttribute("message", "monitor.checks.done");
            flash.addFlashAttribute("messageArgs", new Object[] {year, o.incomeClues(), o.employmentClues(), o.opened()});
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/monitor/screenings";
    }

    @GetMapping("/jobs/{id}")
    String job(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "monitor/screening-job";
    }

    @GetMapping("/jobs/{id}/progress")
    String progress(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "monitor/screening-job :: progress";
    }

    @GetMapping("/jobs/{id}/errors")
    void errorFile(DataScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        JobPages.sendResultFile(jobs, files, scope, id, Screenings.KIND, response);
    }

    private void addJob(DataScope scope, long id, Model model, Locale locale) {
        JobPages.show(jobs, scope, id, Screenings.KIND, model, locale);
        model.addAttribute("batch", screenings.ofJob(id).orElse(null));
    }

    @GetMapping("/{id}")
    String batch(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("b", screenings.get(scope, id));
        model.addAttribute("misses", screenings.misses(scope, id, 1000));
        return "monitor/screening";
    }
}
