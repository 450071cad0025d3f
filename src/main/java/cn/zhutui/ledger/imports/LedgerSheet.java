package cn.zhutui.ledger.imports;

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

import java.util.List;

/** The columns of a ledger import sheet (one sheet per task type), before the indicator columns. */
final class LedgerSheet {

    static final String META = "_meta";
    static final String GUIDE_KEY = "ledger.import.guide";

    /** Message keys of the fixed columns, in order; the indicator columns follow. */
    static final List<String> COLUMNS = List.of("ledger.title", "ledger.startDate", "ledger.endDate", "ledger.region",
            "ledger.members", "ledger.org", "ledger.households", "ledger.persons", "ledger.partner", "ledger.description");
    static final List<String> REQUIRED = List.of("ledger.title", "ledger.startDate", "ledger.region", "ledger.members");

    static final int TITLE = 0;
    static final int START = 1;
    static final int END = 2;
    static final int REGION = 3;
    static final int MEMBERS = 4;
    static final int ORG = 5;
    static final int HOUSEHOLDS = 6;
    static final int PERSONS = 7;
    static final int PARTNER = 8;
    static final int DESCRIPTION = 9;

    private LedgerSheet() {
    }

    /** Excel sheet names: at most 31 characters, none of []:*?/\ . */
    static String sheetName(String shortName) {
        String s = shortName.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    static String cell(String name, Object id) {
        return name + " [" + id + "]";
    }
}
