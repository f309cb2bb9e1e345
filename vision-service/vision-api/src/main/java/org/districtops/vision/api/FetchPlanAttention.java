package org.districtops.vision.api;

import java.time.LocalDate;

/** What needs the superintendent's attention in a plan as of a date: stale and overdue items, owners' load. */
public record FetchPlanAttention(String districtId, String planId, LocalDate asOf) {
}
