package org.districtops.vision.api;

/**
 * The answer to every vision command: the draft it concerned and the vision's new version (the sequence
 * number of its last event, sent as the ETag).
 */
public record VisionVersion(String districtId, int draftNumber, long version) {
}
