package cn.zhutui.pairing;

import java.math.BigDecimal;

/**
 * A line of the pairing figures: pairings and households covered in effect during the period,
 * visits made in it with the problems found and solved and the money (万元) and projects coordinated.
 *
 * @param key   the unit's id, the county's code or the kind
 * @param drill the org id the line opens (a unit below), or null
 */
public record FigureRow(String key, String label, Long drill, long pairings, long households, long visits, long problemsFound,
                        long problemsSolved, BigDecimal funds, long projects) {

    FigureRow plus(FigureRow o) {
        return new FigureRow(key, label, drill, pairings + o.pairings, households + o.households, visits + o.visits,
                problemsFound + o.problemsFound, problemsSolved + o.problemsSolved, funds.add(o.funds), projects + o.projects);
    }

    static FigureRow zero(String key, String label, Long drill) {
        return new FigureRow(key, label, drill, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);
    }
}
