package cn.zhutui.common;

import java.util.List;

/**
 * A module's contribution to the home page's workbench: the items waiting for this user, within
 * their scope. Every module that gives people work implements it as a bean; the home page shows
 * the items of all of them, urgent first.
 */
public interface WorkItemSource {

    List<WorkItem> items(DataScope scope);
}
