package org.districtops.pd.api;

import java.util.List;

/** Public event: an educator's schools changed (a roster update). */
public record EducatorSchoolsChanged(String districtId, String educatorId, List<String> schoolIds) {
}
