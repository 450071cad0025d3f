package cn.zhutui.common;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Import errors as a person reads them — 第4行「地点」：找不到“禄劝县/撒营盘镇”… — and the cap on how
 * many a page lists (all of them stay marked in the error file).
 */
public final class ImportErrors {

    /** A page lists at most this many errors, with the total. */
    public static final int MAX_SHOWN = 500;

    private ImportErrors() {
    }

    /** One error as a sentence; the sheet is named only when the file has several. */
    public static String describe(ImportError e, MessageSource messages, Locale locale, boolean withSheet) {
        String text = messages.getMessage(e.code(), e.args(), e.code(), locale);
        boolean en = "en".equals(locale.getLanguage());
        StringBuilder sb = new StringBuilder();
        if (withSheet && e.sheet() != null && !e.sheet().isBlank() && !"csv".equals(e.sheet())) {
            sb.append(en ? "Sheet \"" + e.sheet() + "\", " : "「" + e.sheet() + "」");
        }
        if (e.row() > 0) {
            sb.append(en ? "row " + e.row() : "第" + e.row() + "行");
        }
        String column = e.column() == null ? null : e.column().replace("*", "").trim();
        if (column != null && !column.isEmpty()) {
            sb.append(en ? " \"" + column + "\"" : "「" + column + "」");
        }
        if (!sb.isEmpty()) {
            sb.append(en ? ": " : "：");
        }
        return sb.append(text).toString();
    }

    /** The first errors as sentences, for a page. */
    public static List<String> shown(List<ImportError> errors, MessageSource messages, Locale locale) {
        boolean sheets = errors.stream().map(ImportError::sheet).distinct().count() > 1;
        return errors.stream().limit(MAX_SHOWN).map(e -> describe(e, messages, locale, sheets)).toList();
    }
}
