package org.districtops.kit.messaging;

import java.util.Objects;

/**
 * Who is acting: an opaque actor id, the role they act in, and the district (tenant) they act for.
 * Taken from the validated JWT; never from the request body.
 */
public record Actor(String id, String role, String districtId) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(districtId, "districtId");
    }
}
