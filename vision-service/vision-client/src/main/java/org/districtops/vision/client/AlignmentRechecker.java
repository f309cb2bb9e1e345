package org.districtops.vision.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Re-checks the goal alignment of records (pilots, badges, agreements) made while vision-service was down. A
 * service subclasses it for its own record type and schedules {@link #recheck()}; a round stops at the first
 * record vision-service still cannot answer for, and the next round tries again.
 *
 * @param <R> the reference of a record awaiting its check
 */
public abstract class AlignmentRechecker<R> {

    private static final Logger log = LoggerFactory.getLogger(AlignmentRechecker.class);

    private final VisionGoalsClient visionGoals;

    protected AlignmentRechecker(VisionGoalsClient visionGoals) {
        this.visionGoals = visionGoals;
    }

    /** Records whose alignment is still unverified. */
    protected abstract List<R> awaiting();

    protected abstract String districtOf(R record);

    /** The goals the record names; empty when the record is gone from the read side. */
    protected abstract Optional<List<String>> goalIdsOf(R record);

    /** Sends the service's command that records the outcome (vision-service answered). */
    protected abstract void record(R record, VisionGoalsClient.GoalCheck check);

    public void recheck() {
        for (R record : awaiting()) {
            Optional<List<String>> goalIds = goalIdsOf(record);
            if (goalIds.isEmpty()) {
                continue;
            }
            VisionGoalsClient.GoalCheck check = visionGoals.check(districtOf(record), goalIds.get());
            if (!check.answered()) {
                return; // still unavailable: try again next round
            }
            record(record, check);
            log.info("Goal alignment of {} checked: {} unknown goals", record, check.unknownGoalIds().size());
        }
    }
}
