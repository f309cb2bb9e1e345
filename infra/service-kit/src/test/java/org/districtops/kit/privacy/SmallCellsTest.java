package org.districtops.kit.privacy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 privacy: no public count about people from 1 to 9, neither as an answer nor as a difference of answers. */
class SmallCellsTest {

    /** Published answer to every true count it may stand for. */
    private static final Map<String, List<Integer>> MEANINGS = new HashMap<>();

    static {
        for (int v = 0; v <= 400; v++) {
            MEANINGS.computeIfAbsent(SmallCells.count(v), k -> new ArrayList<>()).add(v);
        }
    }

    @Test
    void givenACountBelowTen_whenPublished_thenItIsLessThanTen() {
        assertThat(SmallCells.count(0)).isEqualTo("<10");
        assertThat(SmallCells.count(3)).isEqualTo("<10");
        assertThat(SmallCells.count(9)).isEqualTo("<10");
    }

    @Test
    void givenAGroupOfTwelveThatGrowsToFifteen_whenPublishedOnBothDates_thenNeitherAnswerNorTheirDifferenceRevealsTheThree() {
        String before = SmallCells.count(12);
        String after = SmallCells.count(15);

        assertThat(before).isEqualTo("10-19");
        assertThat(after).isEqualTo(before);
        assertThat(possibleDifferences(before, after)).hasSizeGreaterThanOrEqualTo(10).contains(0, 3, 9);
    }

    @Test
    void givenAnyTwoTrueCounts_whenBothArePublished_thenTheDifferenceIsNeverDeterminedAsOneToNine() {
        List<String> determined = new ArrayList<>();
        for (int a = 0; a <= 300; a++) {
            for (int b = a; b <= 300; b++) {
                Set<Integer> differences = possibleDifferences(SmallCells.count(a), SmallCells.count(b));
                assertThat(differences).as("the true difference is among the possible ones").contains(b - a);
                if (differences.size() == 1 && differences.iterator().next() > 0 && differences.iterator().next() < 10) {
                    determined.add(a + "->" + b);
                }
            }
        }
        assertThat(determined).isEmpty();
    }

    @Test
    void givenTheSameCountAskedTwice_whenPublished_thenTheSameAnswer() {
        assertThat(SmallCells.count(137)).isEqualTo(SmallCells.count(137)).isEqualTo("130-139");
    }

    @Test
    void givenHoursSummedOverPeople_whenPublished_thenBandsOfAHundred() {
        assertThat(SmallCells.hours(36.0)).isEqualTo("<100");
        assertThat(SmallCells.hours(120.0)).isEqualTo("100-199");
        assertThat(SmallCells.hours(129.0)).isEqualTo(SmallCells.hours(120.0)); // three more 3-hour awards
        assertThat(SmallCells.hours(new java.math.BigDecimal("1234.5"))).isEqualTo("1200-1299");
    }

    /** Every true difference (after - before) consistent with the two published answers. */
    private static Set<Integer> possibleDifferences(String before, String after) {
        Set<Integer> differences = new HashSet<>();
        for (int x : MEANINGS.get(before)) {
            for (int y : MEANINGS.get(after)) {
                if (y >= x) {
                    differences.add(y - x);
                }
            }
        }
        return differences;
    }
}
