package cn.zhutui.household;

/**
 * The filters of the household list, each optional.
 *
 * @param regionCode a region subtree (a county, township or village)
 * @param tag        a household_tag code
 * @param name       part of the head's name
 * @param idNumber   an exact ID number (of anyone who ever belonged), found through its keyed hash
 * @param status     ACTIVE by default in the pages
 * @param pendingReview only households with likely duplicates waiting for a decision
 * @param sort       "name", "region" or "updated" (default: region then name)
 */
public record HouseholdQuery(String regionCode, String tag, String name, String idNumber, HouseholdStatus status,
                             boolean pendingReview, String sort) {

    public static HouseholdQuery all() {
        return new HouseholdQuery(null, null, null, null, null, false, null);
    }

    public HouseholdQuery withRegion(String code) {
        return new HouseholdQuery(code, tag, name, idNumber, status, pendingReview, sort);
    }
}
