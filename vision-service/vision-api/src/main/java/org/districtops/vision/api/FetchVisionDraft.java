package org.districtops.vision.api;

/** For district leaders: the draft in progress with every comment, pending ones included (empty if none). */
public record FetchVisionDraft(String districtId) {
}
