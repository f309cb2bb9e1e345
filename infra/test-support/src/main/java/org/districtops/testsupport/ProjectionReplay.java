package org.districtops.testsupport;

import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Replays the event store into a projection, the way an operator would: stop the processor, optionally clear
 * the projection (a full rebuild), reset its tokens to the start, start it again.
 */
public final class ProjectionReplay {

    private ProjectionReplay() {
    }

    /** {@code clearProjection} runs between stop and reset; pass {@code () -> {}} for a duplicate replay. */
    public static void replay(StreamingEventProcessor processor, Runnable clearProjection) {
        processor.shutDown();
        clearProjection.run();
        processor.resetTokens();
        processor.start();
    }

    /** Every segment claimed and caught up with the head (a replay token stays "replaying" until a newer event). */
    public static boolean caughtUp(StreamingEventProcessor processor) {
        return !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp());
    }

    /** Reads until {@code done} holds, up to 30 s, and returns the last read. */
    public static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = null;
        while (System.nanoTime() < deadline) {
            value = read.get();
            if (done.test(value)) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Projection did not converge within 30 s; last read: " + value);
    }
}
