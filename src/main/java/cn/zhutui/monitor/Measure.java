package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A measure of the assistance plan (一户一策): what, who is responsible, when, its status. */
public record Measure(long id, long caseId, MeasureType type, String description, String responsibleUnit, String responsiblePerson,
                      LocalDate plannedOn, LocalDate doneOn, BigDecimal amount, MeasureStatus status, int version) {
}
