package cn.zhutui.notify;

import java.time.OffsetDateTime;
import java.util.List;

/** A message to one user: a message code and its arguments (shown in the reader's language), and where it leads. */
public record Notification(long id, long userId, String kind, String messageCode, List<String> args, String link,
                           OffsetDateTime createdAt, OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
