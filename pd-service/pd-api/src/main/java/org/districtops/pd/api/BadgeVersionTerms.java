package org.districtops.pd.api;

/** The terms of the badge version an award is made under, as the command side needs them. */
public record BadgeVersionTerms(String badgeId, int version, boolean evidenceRequired, Integer validityDays,
                                boolean retired) {
}
