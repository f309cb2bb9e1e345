package org.districtops.pd.api;

/** A district's badge catalog. */
public record FindCatalog(String districtId) {
}
