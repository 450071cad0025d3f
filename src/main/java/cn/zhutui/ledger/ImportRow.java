package cn.zhutui.ledger;

/** One data row of an import, parsed: where it came from, the entry it describes, and its row key. */
public record ImportRow(String sheet, int row, EntryForm form, String importKey) {
}
