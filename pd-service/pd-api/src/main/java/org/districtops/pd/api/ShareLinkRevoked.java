package org.districtops.pd.api;

/** Public event: the share link no longer works. */
public record ShareLinkRevoked(String districtId, String educatorId) {
}
