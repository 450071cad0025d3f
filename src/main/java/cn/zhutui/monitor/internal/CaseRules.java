package cn.zhutui.monitor.internal;

import cn.zhutui.common.InvalidInputException;
import cn.zhutui.monitor.FollowUpForm;
import cn.zhutui.monitor.HomeVisitForm;
import cn.zhutui.monitor.MeasureForm;
import cn.zhutui.monitor.MeasureStatus;
import cn.zhutui.monitor.RiskReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules of the monitoring records, written once and called from every door — the cadre's
 * form, the department's screening file, the automatic checks — so a clue, a visit, a measure or a
 * follow-up is held to the same checks however it arrives. Each broken rule is added to the
 * collector on its field, in the user's words.
 */
public final class CaseRules {

    /** The largest sum a form takes (元). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    /** How far back a clue may be dated (a report written down on paper and entered later). */
    public static final int CLUE_DAYS_BACK = 60;

    private CaseRules() {
    }

    /** A clue's own fields. */
    public static void clue(List<RiskReason> reasons, String description, BigDecimal amount, LocalDate reportedOn, boolean onBehalf,
                            String reporter, LocalDate today, InvalidInputException.Collector errors) {
        if (reasons == null || reasons.isEmpty()) {
            errors.add("reasons", "monitor.clue.reasons.required");
        }
        text(description, "description", 1000, false, errors);
        amount(amount, "amount", errors);
        if (reportedOn == null) {
            errors.add("reportedOn", "validation.required");
        } else if (reportedOn.isAfter(today)) {
            errors.add("reportedOn", "monitor.date.future");
        } else if (reportedOn.isBefore(today.minusDays(CLUE_DAYS_BACK))) {
            errors.add("reportedOn", "monitor.clue.tooOld", CLUE_DAYS_BACK);
        }
        if (onBehalf) {
            text(reporter, "reporter", 50, true, errors);
        } else {
            text(reporter, "reporter", 50, false, errors);
        }
    }

    /** The home visit: after the first clue, not in the future, with the household's signed consent. */
    public static void visit(HomeVisitForm f, LocalDate firstClueOn, LocalDate today, InvalidInputException.Collector errors) {
        day(f.getVisitedOn(), "visitedOn", firstClueOn, today, errors);
        text(f.getVisitors(), "visitors", 100, true, errors);
        text(f.getFindings(), "findings", 2000, true, errors);
        if (f.getIncomePerHead() == null) {
            errors.add("incomePerHead", "validation.required");
        } else {
            amount(f.getIncomePerHead(), "incomePerHead", errors);
        }
        amount(f.getExpense(), "expense", errors);
        if (f.getReasons().isEmpty()) {
            errors.add("reasons", "monitor.clue.reasons.required");
        }
        if (f.getKind() == null) {
            errors.add("kind", "validation.required");
        }
        if (f.getConsentOn() == null) {
            errors.add("consentOn", "monitor.visit.consent.required");
        } else {
            day(f.getConsentOn(), "consentOn", f.getVisitedOn() == null ? firstClueOn : f.getVisitedOn(), today, errors);
        }
    }

    /** A measure of the plan. */
    public static void measure(MeasureForm f, LocalDate today, InvalidInputException.Collector errors) {
        if (f.getType() == null) {
            errors.add("type", "validation.required");
        }
        text(f.getDescription(), "description", 500, true, errors);
        text(f.getResponsibleUnit(), "responsibleUnit", 100, true, errors);
        text(f.getResponsiblePerson(), "responsiblePerson", 50, false, errors);
        if (f.getPlannedOn() == null) {
            errors.add("plannedOn", "validation.required");
        }
        amount(f.getAmount(), "amount", errors);
        if (f.getStatus() == null) {
            errors.add("status", "validation.required");
        } else if (f.getStatus() == MeasureStatus.DONE) {
            if (f.getDoneOn() == null) {
                errors.add("doneOn", "monitor.measure.doneOn.required");
            } else if (f.getDoneOn().isAfter(today)) {
                errors.add("doneOn", "monitor.date.future");
            }
        }
    }

    /** A follow-up visit. */
    public static void followUp(FollowUpForm f, LocalDate after, LocalDate today, InvalidInputException.Collector errors) {
        day(f.getVisitedOn(), "visitedOn", after, today, errors);
        text(f.getVisitors(), "visitors", 100, true, errors);
        text(f.getNotes(), "notes", 2000, false, errors);
        if (f.getIncomePerHead() == null) {
            errors.add("incomePerHead", "validation.required");
        } else {
            amount(f.getIncomePerHead(), "incomePerHead", errors);
        }
    }

    /** A day that must be given, not before {@code notBefore}, not after today. */
    public static void day(LocalDate day, String field, LocalDate notBefore, LocalDate today, InvalidInputException.Collector errors) {
        if (day == null) {
            errors.add(field, "validation.required");
        } else if (day.isAfter(today)) {
            errors.add(field, "monitor.date.future");
        } else if (notBefore != null && day.isBefore(notBefore)) {
            errors.add(field, "monitor.date.before", notBefore.toString());
        }
    }

    public static void text(String value, String field, int max, boolean required, InvalidInputException.Collector errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "validation.required");
            }
        } else if (value.trim().length() > max) {
            errors.add(field, "validation.tooLong", max);
        }
    }

    public static void amount(BigDecimal v, String field, InvalidInputException.Collector errors) {
        if (v != null && (v.signum() < 0 || v.compareTo(MAX_AMOUNT) >= 0 || v.scale() > 2)) {
            errors.add(field, "monitor.amount.invalid");
        }
    }

    public static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
