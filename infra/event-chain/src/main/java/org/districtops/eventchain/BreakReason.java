package org.districtops.eventchain;

/** Why the chain does not verify (see docs/audit.md, "What a break means"). */
public enum BreakReason {
    /** An event's stored bytes no longer give the hash chained for it: the event was changed after it was written. */
    HASH_MISMATCH,
    /** A chained event is no longer in the store, or another event now sits at its global index. */
    MISSING_EVENT,
    /** An event is in the store but not in the chain: it was written past the trigger (or the trigger was off). */
    UNCHAINED_EVENT,
    /** A chain row does not follow the one before it (its previous hash differs, or a chain row is gone). */
    BROKEN_LINK,
    /** The chain head does not name the last chain row: the chain was cut or extended by hand. */
    HEAD_MISMATCH,
    /** A checkpoint taken earlier no longer matches the chain at that position: the chain was rewritten. */
    CHECKPOINT_MISMATCH
}
