package org.districtops.vision.api;

/** Who commented on a draft vision, as a kind only: events and views never name the person. */
public enum CommentAuthorKind {
    PARTNER,
    STAFF,
    PUBLIC
}
