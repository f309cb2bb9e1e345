package org.districtops.kit.audit;

import java.time.Instant;

/** A checkpoint as published: the chain position, its SHA-256 hash in lowercase hex, and when it was taken. */
public record PublishedCheckpoint(long chainSeq, String hash, Instant takenAt) {
}
