package org.districtops.vision.api;

import java.util.List;

/**
 * The movement of a district's readiness per condition over the years: each completed year's rating and
 * evidence, and the change since the year before ({@code null} for the first year).
 */
public record ReadinessHistory(String districtId, List<Integer> years, List<Condition> conditions) {

    public record Condition(DistrictCondition condition, List<YearRating> ratings, Integer latest, Integer movement) {
    }

    public record YearRating(int year, int rating, String evidence) {
    }
}
