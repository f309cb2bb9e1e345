package org.districtops.pd.api;

/** A district's awards, optionally of one educator ({@code educatorId} null = all). */
public record FindAwards(String districtId, String educatorId) {
}
