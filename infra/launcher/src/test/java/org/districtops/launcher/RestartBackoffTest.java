package org.districtops.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RestartBackoffTest {

    private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    @Test
    void givenAServiceThatRanForAWhile_whenItDies_thenItIsRestartedAfterTheFirstDelay() {
        assertThat(backoff.afterExit(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void givenAServiceThatKeepsDyingSoonAfterItsStart_whenItDiesAgain_thenTheDelayDoublesUpToTheMaximum() {
        backoff.afterExit(Duration.ofMinutes(10));
        assertThat(backoff.afterExit(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.afterExit(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.afterExit(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.afterExit(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void givenARestartedServiceThatThenRanStably_whenItDies_thenTheBackoffStartsOver() {
        backoff.afterExit(Duration.ofSeconds(1));
        backoff.afterExit(Duration.ofSeconds(1));
        assertThat(backoff.afterExit(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
    }
}
