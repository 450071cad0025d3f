package cn.zhutui.dict;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/dicts")
class DictController {

    private final DictService dict;

    DictController(DictService dict) {
        this.dict = dict;
    }

    @GetMapping
    String types(DataScope scope, Model model) {
        scope.require(Permission.DICT_ADMIN);
        model.addAttribute("types", dict.types());
        return "admin/dicts";
    }

    @GetMapping("/{type}")
    String items(DataScope scope, @PathVariable String type, Model model) {
        scope.require(Permission.DICT_ADMIN);
        model.addAttribute("type", dict.type(type));
        model.addAttribute("items", dict.allItems(type));
        return "admin/dict-items";
    }

    @PostMapping("/{type}")
    String add(DataScope scope, @PathVariable String type, @RequestParam String code, @RequestParam String label,
               @RequestParam(required = false) String labelEn, @RequestParam(defaultValue = "0") int sort,
               RedirectAttributes flash) {
        try {
            dict.addItem(scope, type, code, label, labelEn, sort);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/admin/dicts/" + type;
    }

    /** The editor's table as posted: items[i].id, .version, .label, .labelEn, .sort, .enabled. */
    public static class ItemsForm {
        private java.util.List<Row> items = new java.util.ArrayList<>();

        public java.util.List<Row> getItems() { return items; }
        public void setItems(java.util.List<Row> items) { this.items = items; }

        public static class Row {
            private long id;
            private int version;
            private String label;
            private String labelEn;
            private int sort;
            private boolean enabled;

            public long getId() { return id; }
            public void setId(long id) { this.id = id; }
            public int getVersion() { return version; }
            public void setVersion(int version) { this.version = version; }
            public String getLabel() { return label; }
            public void setLabel(String label) { this.label = label; }
            public String getLabelEn() { return labelEn; }
            public void setLabelEn(String labelEn) { this.labelEn = labelEn; }
            public int getSort() { return sort; }
            public void setSort(int sort) { this.sort = sort; }
            public boolean isEnabled() { return enabled; }
            public void setEnabled(boolean enabled) { this.enabled = enabled; }
        }
    }

    /** The whole table saved at once (one button under it). */
    @PostMapping("/{type}/items")
    String updateAll(DataScope scope, @PathVariable String type, @org.springframework.web.bind.annotation.ModelAttribute ItemsForm form,
                     RedirectAttributes flash) {
        try {
            int n = dict.updateItems(scope, type, form.getItems().stream()
                    .map(r -> new DictService.ItemEdit(r.getId(), r.getVersion(), r.getLabel(), r.getLabelEn(), r.getSort(), r.isEnabled()))
                    .toList());
            flash.addFlashAttribute("message", n == 0 ? "dict.nothingChanged" : "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/admin/dicts/" + type;
    }

    @PostMapping("/{type}/{id}")
    String update(DataScope scope, @PathVariable String type, @PathVariable long id, @RequestParam int version,
                  @RequestParam String label, @RequestParam(required = false) String labelEn,
                  @RequestParam(defaultValue = "0") int sort, @RequestParam(defaultValue = "false") boolean enabled,
                  RedirectAttributes flash) {
        try {
            dict.updateItem(scope, id, version, label, labelEn, sort, enabled);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/admin/dicts/" + type;
    }
}
