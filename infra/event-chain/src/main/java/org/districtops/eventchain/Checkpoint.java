package org.districtops.eventchain;

import java.time.Instant;

/**
 * The chain's head at some moment: the hash of chain position {@code chainSeq}. Published copies of checkpoints
 * are what make a rewrite of the whole chain detectable.
 */
public record Checkpoint(long chainSeq, byte[] hash, Instant takenAt) {

    public String hashHex() {
        return EventChainFormat.hex(hash);
    }
}
