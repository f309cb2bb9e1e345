package org.districtops.vision.api;

/** The one accountable staff member of a milestone: their account id and the name the public sees. */
public record Owner(String id, String name) {
}
