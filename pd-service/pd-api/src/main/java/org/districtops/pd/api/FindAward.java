package org.districtops.pd.api;

/** One award. */
public record FindAward(String districtId, String awardId) {
}
