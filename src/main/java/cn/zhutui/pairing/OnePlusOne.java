package cn.zhutui.pairing;

/**
 * A member short of the 1+1 rule: how many 脱贫户 and 示范户 they are paired with today (one of them 0),
 * and how many households in all.
 */
public record OnePlusOne(long memberId, String memberName, String orgName, int tuopin, int shifan, int households) {

    public boolean lacksTuopin() {
        return tuopin == 0;
    }

    public boolean lacksShifan() {
        return shifan == 0;
    }

    OnePlusOne named(String name, String org) {
        return new OnePlusOne(memberId, name, org, tuopin, shifan, households);
    }
}
