package cn.zhutui.region;

import cn.zhutui.common.ImportError;
import java.util.List;

/**
 * What an import did (or, on a dry run, would do); with errors nothing was written.
 *
 * @param errors      the first errors (at most 500)
 * @param totalErrors how many there were in all
 */
public record RegionImportResult(int rows, int added, int updated, int unchanged, boolean dryRun, List<ImportError> errors,
                                 int totalErrors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
