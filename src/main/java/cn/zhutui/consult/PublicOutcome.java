package cn.zhutui.consult;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An outcome as the public page shows it: what the office wrote for publication, where (the
 * platform and the village), when it was agreed and published, and where it stands. Nothing else:
 * no person's name, no phone, no internal note.
 *
 * @param status OPEN, OVERDUE, DONE or SOLVED
 */
public record PublicOutcome(long id, String title, String text, String platformName, String place, LocalDate heldOn, LocalDate deadline,
                            String status, LocalDate doneOn, OffsetDateTime publishedAt) {
}
