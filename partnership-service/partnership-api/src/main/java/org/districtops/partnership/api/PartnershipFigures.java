package org.districtops.partnership.api;

import java.util.List;
import java.util.Map;

/**
 * Public figures. Opportunity counts are about listings, so exact. Per school, placements (students) below 10
 * show as "&lt;10" and that school's confirmed hours are withheld ("&lt;10" students); no totals over schools
 * are published, so a suppressed cell cannot be derived.
 */
public record PartnershipFigures(String districtId, Map<ListingType, Integer> opportunitiesByType,
                                 Map<String, Integer> opportunitiesByPathway, List<School> schools) {

    public record School(String school, String placements, String confirmedHours) {
    }
}
