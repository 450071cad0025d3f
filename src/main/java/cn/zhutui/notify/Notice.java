package cn.zhutui.notify;

import java.util.Collection;
import java.util.List;

/**
 * A notice for some users, published as an event by any module: the notification list stores it
 * in the same transaction (so a notice of work that rolls back is never sent). A dedup key
 * (e.g. "overdue:3:2025Q3:17") sends it once per user however often it is raised.
 *
 * @param code a message code, shown in the reader's language with the args
 * @param link where it leads, a path of the app
 */
public record Notice(Collection<Long> userIds, String kind, String code, List<String> args, String link, String dedupKey) {

    public Notice {
        userIds = List.copyOf(userIds);
        args = List.copyOf(args);
    }
}
