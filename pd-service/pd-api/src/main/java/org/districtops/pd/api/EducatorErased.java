package org.districtops.pd.api;

/** Public event: an educator's personal data was erased (crypto-shredded). */
public record EducatorErased(String districtId, String educatorId) {
}
