package org.districtops.pd.api;

/** Public event: a portfolio became public or private. */
public record PortfolioVisibilitySet(String districtId, String educatorId, boolean isPublic) {
}
