package cn.zhutui.consult;

import java.time.OffsetDateTime;

/**
 * A topic's move between steps, as its page shows it.
 *
 * @param distance how many steps forward (1: the next one; more: skipped, with the reason) or back (negative, with the reason)
 */
public record TopicMove(OffsetDateTime at, String who, String from, String to, int distance, String reason) {
}
