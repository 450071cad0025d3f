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

/** One data row of an import, parsed: where it came from, the entry it describes, and its row key. */
public record ImportRow(String sheet, int row, EntryForm form, String importKey) {
}
