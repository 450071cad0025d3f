package cn.zhutui.consult;

import java.time.LocalDate;

/** An outcome as a list shows it, with its derived status (OPEN, OVERDUE, DONE, SOLVED). */
public record OutcomeRow(Outcome outcome, String topicTitle, String platformName, LocalDate heldOn, String regionName, String orgName,
                         String status, boolean decided) {
}
