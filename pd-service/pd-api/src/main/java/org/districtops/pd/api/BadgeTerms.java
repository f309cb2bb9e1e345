package org.districtops.pd.api;

import java.util.List;

/**
 * What a badge version says: what it is, how it is earned, what it aligns to and what it is worth.
 * {@code validityDays} null = never expires; {@code requiredBadgeIds} non-empty makes it a pathway badge,
 * awarded automatically once an educator holds every required badge.
 */
public record BadgeTerms(String name, String description, String criteria, BadgeImage image,
                         List<String> competencies, List<String> goalIds, double pdHours, Integer validityDays,
                         boolean evidenceRequired, List<String> requiredBadgeIds) {
}
