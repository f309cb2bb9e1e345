package org.districtops.kit.privacy;

import java.math.BigDecimal;

/**
 * Disclosure control for public figures about people.
 * <p>
 * <b>Small cells.</b> A count below the threshold (10 by default) is shown as "&lt;10", never as the number. Callers
 * must not publish a total from which a suppressed count could be derived (complementary suppression), or must
 * suppress the total too.
 * <p>
 * <b>Differences (issue 10).</b> Exact counts of 10 or more would let anyone subtract two allowed answers (the same
 * figure on two dates, or before and after one more award) and learn the size of a small group: 12 holders one day
 * and 15 the next reveal that 3 educators earned the badge in between. So counts are published as bands as wide as
 * the threshold, aligned to multiples of it: "&lt;10", "10-19", "20-29", ... Every band covers {@code threshold}
 * possible values, so the difference between any two published bands is consistent with at least {@code threshold}
 * different true differences: no answer, pair of answers or difference of answers pins down a count from 1 to 9.
 * 12 and 15 both read "10-19"; 19 and 21 read "10-19" and "20-29", a change of anything from 1 to 19. The same
 * rule applies to amounts summed over people (hours), in bands of {@link #HOURS_BAND} hours, because the change of
 * a total of hours betrays how many people were added when each brings a known number of hours (a badge's PD hours).
 * This is deterministic rounding to bands (statistical agencies' "banding"); unlike random rounding, asking the
 * same question again gives the same answer, so repeating it averages nothing out.
 */
public final class SmallCells {

    public static final int DEFAULT_THRESHOLD = 10;
    /** Width of the bands for hours summed over people: ten people at ten hours each. */
    public static final int HOURS_BAND = 100;

    private SmallCells() {
    }

    public static String count(long value) {
        return count(value, DEFAULT_THRESHOLD);
    }

    /** "&lt;threshold" below the threshold, else the band of width {@code threshold} holding the value. */
    public static String count(long value, int threshold) {
        return value < threshold ? "<" + threshold : band(value, threshold);
    }

    /** Hours summed over people: "&lt;100" below one band, else the band of {@link #HOURS_BAND} hours holding it. */
    public static String hours(double value) {
        return value < HOURS_BAND ? "<" + HOURS_BAND : band((long) Math.floor(value), HOURS_BAND);
    }

    public static String hours(BigDecimal value) {
        return hours(value.doubleValue());
    }

    private static String band(long value, int width) {
        long low = value / width * width;
        return low + "-" + (low + width - 1);
    }
}
