package cn.zhutui.pairing;

import cn.zhutui.org.OrgTreeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When an org moves or changes kind, its pairings' figures follow it to their new committee, in the same transaction. */
@Component
class PairingOrgChanges {

    private final PairingService pairings;

    PairingOrgChanges(PairingService pairings) {
        this.pairings = pairings;
    }

    @EventListener
    void on(OrgTreeChanged event) {
        pairings.rehome(event.path());
    }
}
