package cn.zhutui.member;

import java.util.List;
import java.util.Map;

/** The active members under an org: their ids in order, and how many belong under each child org. */
public record MembersUnder(List<Long> ids, Map<Long, Long> countsByChild) {
}
