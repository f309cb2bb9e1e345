package org.districtops.partnership.api;

/** Internal: partners whose agreement's goals are still UNVERIFIED (vision-service was down when it was signed). */
public record FindAgreementsAwaitingAlignment() {
}
