package cn.zhutui.consult;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Workbooks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The consultation figures by unit and platform level for a period, drilling down, and their export. */
@Controller
@RequestMapping("/consult/stats")
class StatsController {

    private final ConsultStatsService stats;

    StatsController(ConsultStatsService stats) {
        this.stats = stats;
    }

    @GetMapping
    String page(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) String periodId,
                @RequestParam(defaultValue = "false") boolean byCounty, Locale locale, Model model) {
        ConsultStats s = stats.figures(scope, orgId, periodId, byCounty, locale);
        model.addAttribute("s", s);
        java.util.List<String[]> choices = stats.periodChoices(locale);
        model.addAttribute("periodChoices", choices);
        model.addAttribute("periodListed", choices.stream().anyMatch(c -> c[0].equals(s.period().id())));
        return "consult/stats";
    }

    @GetMapping("/export")
    void export(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) String periodId,
                @RequestParam(defaultValue = "false") boolean byCounty, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, stats.export(scope, orgId, periodId, byCounty, locale), "协商在基层统计.xlsx");
    }
}
