package cn.zhutui.region;

import cn.zhutui.common.ImportError;
import java.util.List;

/** What an import did (or, on a dry run, would do); with errors nothing was written. */
public record RegionImportResult(int rows, int added, int updated, int unchanged, boolean dryRun, List<ImportError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
