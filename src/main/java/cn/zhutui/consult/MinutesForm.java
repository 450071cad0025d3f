package cn.zhutui.consult;

/** The minutes of a meeting and what it reached: a consensus, or the disagreement recorded. */
public class MinutesForm {

    public static MinutesForm of(Meeting m) {
        MinutesForm f = new MinutesForm();
        f.minutes = m.minutes();
        f.consensus = m.consensus();
        f.consensusReached = m.consensusReached();
        f.version = m.version();
        return f;
    }


    private String minutes;
    private String consensus;
    private Boolean consensusReached;
    private int version;

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }

    public String getConsensus() {
        return consensus;
    }

    public void setConsensus(String consensus) {
        this.consensus = consensus;
    }

    public Boolean getConsensusReached() {
        return consensusReached;
    }

    public void setConsensusReached(Boolean consensusReached) {
        this.consensusReached = consensusReached;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
