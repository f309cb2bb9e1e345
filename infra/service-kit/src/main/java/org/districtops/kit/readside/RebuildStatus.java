package org.districtops.kit.readside;

import java.time.Instant;
import java.util.List;

/**
 * Where an admin rebuild stands.
 *
 * @param state          RUNNING (replaying into new collections, the old view still serves), SWITCHING (live
 *                       processors paused, last events applied, collections being swapped), DONE or FAILED
 * @param eventsDone     global position reached in the event store
 * @param eventsTotal    head of the event store when last looked at
 * @param eventsPerSecond average since the start
 * @param secondsLeft    estimate, null until the rate is known
 */
public record RebuildStatus(String id, List<String> processingGroups, String state, long eventsDone,
                            long eventsTotal, long eventsPerSecond, Long secondsLeft, Instant startedAt,
                            Instant finishedAt, List<String> collections, String error) {
}
