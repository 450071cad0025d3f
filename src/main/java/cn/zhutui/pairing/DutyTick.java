package cn.zhutui.pairing;

/**
 * Ticking a duty item: always with evidence — the id of a visit of the pairing, of a ledger entry,
 * or a consultation meeting's id or link. A bare tick is refused.
 */
public class DutyTick {

    private Long itemId;
    private String period;
    private Evidence evidence;
    private Long visitId;
    private Long ledgerEntryId;
    private String consultationRef;
    private Integer quantity;
    private String note;

    public DutyTick() {
    }

    public DutyTick(long itemId, String period, Evidence evidence, Long visitId, Long ledgerEntryId, String consultationRef, Integer quantity) {
        this.itemId = itemId;
        this.period = period;
        this.evidence = evidence;
        this.visitId = visitId;
        this.ledgerEntryId = ledgerEntryId;
        this.consultationRef = consultationRef;
        this.quantity = quantity;
    }

    public Long getItemId() { return itemId; }
    public void setItemId(Long itemId) { this.itemId = itemId; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period == null || period.isBlank() ? null : period.trim(); }
    public Evidence getEvidence() { return evidence; }
    public void setEvidence(Evidence evidence) { this.evidence = evidence; }
    public Long getVisitId() { return visitId; }
    public void setVisitId(Long visitId) { this.visitId = visitId; }
    public Long getLedgerEntryId() { return ledgerEntryId; }
    public void setLedgerEntryId(Long ledgerEntryId) { this.ledgerEntryId = ledgerEntryId; }
    public String getConsultationRef() { return consultationRef; }
    public void setConsultationRef(String consultationRef) { this.consultationRef = consultationRef == null || consultationRef.isBlank() ? null : consultationRef.trim(); }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note == null || note.isBlank() ? null : note.trim(); }
}
