package org.districtops.pd.api;

import java.util.List;

/** Public event: an educator is known to pd-service. */
public record EducatorRegistered(String districtId, String educatorId, String sourcedId, List<String> schoolIds) {
}
