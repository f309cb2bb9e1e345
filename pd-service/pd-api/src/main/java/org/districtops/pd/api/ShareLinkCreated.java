package org.districtops.pd.api;

/** Public event: a share link replaced any earlier one (the hash of its token). */
public record ShareLinkCreated(String districtId, String educatorId, String tokenHash) {
}
