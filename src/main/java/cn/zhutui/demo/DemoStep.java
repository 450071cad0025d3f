package cn.zhutui.demo;

import cn.zhutui.common.DataScope;

/** A later part of the demo (campaigns, ledger …), run after the orgs, members and users exist. */
interface DemoStep {
    void load(DataScope system, DemoContext context);
}
