package org.districtops.vision.api;

/** The district's adopted vision with its history, as the public sees it (empty before the first adoption). */
public record FindPublicVision(String districtId) {
}
