package cn.zhutui.pairing;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.region.RegionService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The industries (茶叶, 食用菌, 肉牛羊 …) special committees are linked to. */
@Controller
@RequestMapping("/pairings/industries")
class IndustryController {

    private final PairingService pairings;
    private final RegionService regions;

    IndustryController(PairingService pairings, RegionService regions) {
        this.pairings = pairings;
        this.regions = regions;
    }

    @GetMapping
    String list(DataScope scope, Model model) {
        List<Industry> list = pairings.industries(scope);
        Set<String> codes = new HashSet<>();
        list.forEach(i -> codes.add(i.countyCode()));
        model.addAttribute("industries", list);
        model.addAttribute("regionNames", regions.lineageNamesOf(codes));
        return "pairing/industries";
    }

    @PostMapping
    String create(DataScope scope, @RequestParam(required = false) String name, @RequestParam(required = false) String countyCode,
                  @RequestParam(required = false) String description, RedirectAttributes flash) {
        try {
            pairings.createIndustry(scope, name, countyCode, null, description);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/pairings/industries";
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String description, @RequestParam(defaultValue = "false") boolean active,
                  RedirectAttributes flash) {
        try {
            pairings.updateIndustry(scope, id, version, name, description, active);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/pairings/industries";
    }
}
