package org.districtops.kit.privacy;

/**
 * Small-cell suppression for public figures about people: a count below the threshold (10 by default) is
 * shown as "<10", never as the number. Callers must not publish a total from which a suppressed count could
 * be derived (complementary suppression), or must suppress the total too.
 */
public final class SmallCells {

    public static final int DEFAULT_THRESHOLD = 10;

    private SmallCells() {
    }

    public static String count(int value) {
        return count(value, DEFAULT_THRESHOLD);
    }

    public static String count(int value, int threshold) {
        return value < threshold ? "<" + threshold : Integer.toString(value);
    }
}
