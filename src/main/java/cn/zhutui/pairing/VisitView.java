package cn.zhutui.pairing;

import java.util.List;

/** A visit with its pairing, who went, its photos, the duties it is evidence for and who recorded it. */
public record VisitView(Visit visit, PairingRow pairing, List<VisitPerson> people, List<VisitPhoto> photos, List<DutyRecord> duties,
                        String recorderName) {

    public VisitView {
        people = List.copyOf(people);
        photos = List.copyOf(photos);
        duties = List.copyOf(duties);
    }
}
