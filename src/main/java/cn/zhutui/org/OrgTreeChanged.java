package cn.zhutui.org;

import cn.zhutui.common.DataScope;

/**
 * Published (inside the transaction) when an org moves or its kind changes: the committee that
 * records under it report to may have changed for its whole subtree, and every module keeping
 * figures by reporting unit brings them in line before the change commits.
 *
 * @param path the org's path after the change
 */
public record OrgTreeChanged(DataScope actor, long orgId, String path) {
}
