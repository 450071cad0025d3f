package cn.zhutui.consult;

import java.util.List;

/** A platform's page: where, whose, its council (current and former seats), its figures and history. */
public record PlatformDetails(Platform platform, String orgName, String regionName, List<CouncilSeat> seats, long topics, long meetings,
                              long solved, List<HistoryLine> history, boolean manage) {

    public List<CouncilSeat> currentSeats() {
        return seats.stream().filter(CouncilSeat::current).toList();
    }

    public List<CouncilSeat> formerSeats() {
        return seats.stream().filter(s -> !s.current()).toList();
    }
}
