package cn.zhutui.ledger;

import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.LedgerQueryParams;
import cn.zhutui.ledger.internal.LedgerRepository;
import cn.zhutui.ledger.internal.LedgerFacts;
import cn.zhutui.ledger.internal.EntryRules;
import cn.zhutui.period.SubmissionService;

import cn.zhutui.common.ImportError;
import java.util.List;

/**
 * @param ignored rows already imported before (same row key): uploading a file twice adds nothing
 */
public record ImportOutcome(int rows, int imported, int ignored, List<ImportError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
