package org.districtops.pd.api;

import java.time.Instant;
import java.util.List;

/** A catalog badge: its current version's terms and every earlier version. */
public record BadgeView(String districtId, String badgeId, int currentVersion, boolean retired, String retiredReason,
                        List<Version> versions, long version) {

    public record Version(int version, BadgeTerms terms, AlignmentStatus alignment, Instant publishedAt) {
    }

    public Version current() {
        return versions.stream().filter(v -> v.version() == currentVersion).findFirst().orElseThrow();
    }

    public Version at(int badgeVersion) {
        return versions.stream().filter(v -> v.version() == badgeVersion).findFirst().orElse(null);
    }
}
