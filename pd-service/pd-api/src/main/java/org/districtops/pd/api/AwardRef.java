package org.districtops.pd.api;

/**
 * Identity of one award: one educator's credential for one badge. The REST layer derives {@code awardId} from
 * (educator, badge), so awarding the same badge twice (bulk re-runs, pathway handler) lands on the same aggregate.
 */
public record AwardRef(String districtId, String awardId) {

    @Override
    public String toString() {
        return districtId + "/award/" + awardId;
    }
}
