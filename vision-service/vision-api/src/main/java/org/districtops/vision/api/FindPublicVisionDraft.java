package org.districtops.vision.api;

/**
 * The draft the public is (or was last) invited to comment on, with the approved comments; empty unless the
 * draft in progress has had a comment period opened.
 */
public record FindPublicVisionDraft(String districtId) {
}
