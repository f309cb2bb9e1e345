package org.districtops.eventchain;

/**
 * The outcome of one verification of the event chain.
 *
 * @param clean              true when every check passed
 * @param eventsChecked      events whose hash was recomputed and matched (up to the first break)
 * @param firstBreak         the first problem found, or null when clean
 * @param elapsedMillis      how long the verification took
 * @param eventsPerSecond    {@code eventsChecked} per second of {@code elapsedMillis}
 * @param checkpointsChecked checkpoints (recorded and supplied) that were compared with the chain and matched
 */
public record VerificationReport(boolean clean, long eventsChecked, ChainBreak firstBreak, long elapsedMillis,
                                 long eventsPerSecond, int checkpointsChecked) {
}
