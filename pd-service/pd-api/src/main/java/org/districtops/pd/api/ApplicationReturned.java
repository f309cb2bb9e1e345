package org.districtops.pd.api;

/** Public event: an application was returned with a comment. */
public record ApplicationReturned(String districtId, String awardId, String comment) {
}
