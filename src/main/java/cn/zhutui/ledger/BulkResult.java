package cn.zhutui.ledger;

import java.util.Map;

/** The outcome of a bulk action: how many succeeded, and why each of the others did not. */
public record BulkResult(int done, Map<Long, String> skipped) {
}
