package cn.zhutui.consult;

import cn.zhutui.common.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public notice (公示) of published outcomes, without login: the counties, and each county's list. */
@Controller
@RequestMapping("/public/consult")
class PublicConsultController {

    private final PublicConsultService service;

    PublicConsultController(PublicConsultService service) {
        this.service = service;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("counties", service.counties());
        return "consult/public";
    }

    @GetMapping("/{code}")
    String county(@PathVariable String code, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("county", service.county(code));
        model.addAttribute("page", service.published(code, PageRequest.of(page, 20)));
        return "consult/public-county";
    }
}
