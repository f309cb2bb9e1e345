package org.districtops.vision.api;

import java.time.LocalDate;

/** A plan's health as of a date, rolled up milestone/measure → goal → plan. */
public record FetchPlanDashboard(String districtId, String planId, LocalDate asOf) {
}
