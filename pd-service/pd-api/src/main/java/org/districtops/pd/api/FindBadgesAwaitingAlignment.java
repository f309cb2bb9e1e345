package org.districtops.pd.api;

/** Badges whose current version's alignment is UNVERIFIED (defined while vision-service was down). */
public record FindBadgesAwaitingAlignment() {
}
