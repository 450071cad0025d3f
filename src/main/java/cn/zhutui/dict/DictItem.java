package cn.zhutui.dict;

public record DictItem(long id, String typeCode, String code, String label, String labelEn, int sort,
                       boolean enabled, int version) {

    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : label;
    }
}
