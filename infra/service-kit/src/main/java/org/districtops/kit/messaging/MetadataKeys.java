package org.districtops.kit.messaging;

/** The metadata every command and event carries (see docs/architecture.md, "Event metadata"). */
public final class MetadataKeys {

    public static final String DISTRICT_ID = "districtId";
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    /** The id shared by everything one user request set in motion. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private MetadataKeys() {
    }
}
