package cn.zhutui.consult;

import java.util.Locale;

/**
 * One step of a committee's consultation procedure (议题收集, 调研论证 …): configuration data, edited
 * by the county office. A step that topics went through is retired (disabled), never deleted.
 *
 * @param orgId the committee whose procedure it is; null for the default every committee starts from
 */
public record Step(long id, Long orgId, String name, String nameEn, int sort, StepCheck requirement, boolean enabled, int version) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
