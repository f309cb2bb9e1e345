package org.districtops.eventchain;

/**
 * The first place where the chain does not verify.
 *
 * @param chainSeq        the chain position, or null when the break has none (an unchained event)
 * @param globalIndex     the event's {@code global_index}, when known
 * @param eventIdentifier the event's identifier, when known
 * @param reason          what is wrong
 * @param detail          the same in words, for the operator
 */
public record ChainBreak(Long chainSeq, Long globalIndex, String eventIdentifier, BreakReason reason, String detail) {
}
