package cn.zhutui.pairing;

import java.util.List;

/**
 * The pairing figures of an org for a period, grouped by the units below it ("unit"), by county
 * ("county") or by kind ("kind"), with the total.
 */
public record PairingFigures(long orgId, String orgName, String periodId, String groupBy, String regionCode, List<FigureRow> rows,
                             FigureRow total) {

    public PairingFigures {
        rows = List.copyOf(rows);
    }
}
