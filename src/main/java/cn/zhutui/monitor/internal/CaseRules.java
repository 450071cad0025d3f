package cn.zhutui.monitor.internal;

import cn.zhutui.common.InvalidInputException;
import cn.zhutui.monitor.EliminationCheck;
import cn.zhutui.monitor.FollowUp;
import cn.zhutui.monitor.Measure;
import cn.zhutui.monitor.ReviewForm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.IntFunction;
import cn.zhutui.monitor.FollowUpForm;
import cn.zhutui.monitor.HomeVisitForm;
import cn.zhutui.monitor.MeasureForm;
import cn.zhutui.monitor.MeasureStatus;
import cn.zhutui.monitor.RiskReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
        clue(reasons, description, amount, reportedOn, onBehalf, reporter, today, false, errors);
    }

    /** The same; {@code history}: a loader entering past records (the demo, a migration) may date a clue further back. */
    public static void clue(List<RiskReason> reasons, String description, BigDecimal amount, LocalDate reportedOn, boolean onBehalf,
                            String reporter, LocalDate today, boolean history, InvalidInputException.Collector errors) {
        if (reasons == null || reasons.isEmpty()) {
            errors.add("reasons", "monitor.clue.reasons.required");
        }
        text(description, "description", 1000, false, errors);
        amount(amount, "amount", errors);
        if (reportedOn == null) {
            errors.add("reportedOn", "validation.required");
        } else if (reportedOn.isAfter(today)) {
            errors.add("reportedOn", "monitor.date.future");
        } else if (!history && reportedOn.isBefore(today.minusDays(CLUE_DAYS_BACK))) {
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

    /** Months of income stable above the line before the risk may be eliminated. */
    public static final int STABLE_MONTHS = 6;
    /** The shortest notice: 5 days on the board, both ends counted. */
    public static final int NOTICE_DAYS = 5;

    /**
     * A review's fields: its day (after the step before, not in the future), agreed or not (a
     * reason when not), and for a village review the notice — at least {@link #NOTICE_DAYS} days,
     * starting on the review day or later — and how many took part.
     */
    public static void review(ReviewForm f, boolean village, LocalDate notBefore, LocalDate today, InvalidInputException.Collector errors) {
        day(f.getDecidedOn(), "decidedOn", notBefore, today, errors);
        if (f.getAgreed() == null) {
            errors.add("agreed", "validation.required");
        } else if (!f.getAgreed()) {
            text(f.getNote(), "note", 1000, true, errors);
        } else {
            text(f.getNote(), "note", 1000, false, errors);
        }
        if (village) {
            if (f.getParticipants() == null) {
                errors.add("participants", "validation.required");
            } else if (f.getParticipants() < 1 || f.getParticipants() > 10000) {
                errors.add("participants", "validation.between", 1, 10000);
            }
            if (Boolean.TRUE.equals(f.getAgreed())) {
                notice(f.getNoticeStart(), f.getNoticeEnd(), f.getDecidedOn(), errors);
                text(f.getNoticePlace(), "noticePlace", 100, true, errors);
            }
        }
    }

    /** The notice's days: both given, starting on the review day or later, at least five days on the board. */
    public static void notice(LocalDate start, LocalDate end, LocalDate reviewedOn, InvalidInputException.Collector errors) {
        if (start == null) {
            errors.add("noticeStart", "validation.required");
        } else if (reviewedOn != null && start.isBefore(reviewedOn)) {
            errors.add("noticeStart", "monitor.notice.beforeReview");
        }
        if (end == null) {
            errors.add("noticeEnd", "validation.required");
        } else if (start != null && java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1 < NOTICE_DAYS) {
            errors.add("noticeEnd", "monitor.notice.tooShort", NOTICE_DAYS);
        }
    }

    /**
     * The conditions of risk elimination on a day, from the follow-ups and the plan: a household
     * with labour (one without stays followed, safety net or not); the income per head of the
     * unbroken run of follow-ups above the year's line up to the last one, beginning at least six
     * months ago; the big rigid costs solved; 三保障 and drinking water secure — as the last follow-up found them.
     *
     * @param lineOfYear the income line in force for a year (null: none set)
     */
    public static EliminationCheck elimination(Boolean hasLabour, List<FollowUp> followUps, List<Measure> measures,
                                               IntFunction<BigDecimal> lineOfYear, LocalDate today) {
        List<EliminationCheck.Condition> conditions = new ArrayList<>();
        boolean safetyNet = measures.stream().anyMatch(m -> m.type().safetyNet() && m.status() != MeasureStatus.CANCELLED);
        if (Boolean.FALSE.equals(hasLabour)) {
            conditions.add(new EliminationCheck.Condition("labour", false,
                    safetyNet ? "monitor.elim.noLabour.netInPlace" : "monitor.elim.noLabour.needsNet", List.of()));
        } else {
            conditions.add(new EliminationCheck.Condition("labour", true, "monitor.elim.labour.ok", List.of()));
        }
        List<FollowUp> sorted = followUps.stream().sorted(Comparator.comparing(FollowUp::visitedOn).thenComparing(FollowUp::id)).toList();
        LocalDate stableSince = null;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            FollowUp f = sorted.get(i);
            BigDecimal line = lineOfYear.apply(f.visitedOn().getYear());
            if (line == null || f.incomePerHead().compareTo(line) <= 0) {
                break;
            }
            stableSince = f.visitedOn();
        }
        Optional<FollowUp> last = sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1));
        if (last.isEmpty()) {
            conditions.add(new EliminationCheck.Condition("income", false, "monitor.elim.income.noFollowUp", List.of()));
        } else if (stableSince == null) {
            BigDecimal line = lineOfYear.apply(last.get().visitedOn().getYear());
            conditions.add(new EliminationCheck.Condition("income", false, line == null ? "monitor.elim.income.noLine" : "monitor.elim.income.below",
                    List.of(last.get().incomePerHead().toPlainString(), line == null ? "" : line.toPlainString())));
        } else if (stableSince.plusMonths(STABLE_MONTHS).isAfter(today)) {
            conditions.add(new EliminationCheck.Condition("income", false, "monitor.elim.income.tooShort",
                    List.of(stableSince.toString(), stableSince.plusMonths(STABLE_MONTHS).toString())));
        } else {
            conditions.add(new EliminationCheck.Condition("income", true, "monitor.elim.income.ok", List.of(stableSince.toString())));
        }
        boolean rigid = last.map(FollowUp::rigidCostsSolved).orElse(false);
        conditions.add(new EliminationCheck.Condition("rigidCosts", rigid, rigid ? "monitor.elim.rigid.ok" : "monitor.elim.rigid.open", List.of()));
        for (String name : List.of("school", "medical", "housing", "water")) {
            boolean ok = last.map(f -> switch (name) {
                case "school" -> f.schoolOk();
                case "medical" -> f.medicalOk();
                case "housing" -> f.housingOk();
                default -> f.waterOk();
            }).orElse(false);
            conditions.add(new EliminationCheck.Condition(name, ok, "monitor.elim." + name + (ok ? ".ok" : ".open"), List.of()));
        }
        return new EliminationCheck(today, stableSince, conditions);
    }
}
