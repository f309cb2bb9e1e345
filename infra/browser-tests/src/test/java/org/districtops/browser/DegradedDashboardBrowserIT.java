package org.districtops.browser;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopped service yields the degraded dashboard: only its block says "temporarily unavailable", bounded by the
 * block timeout, while the rest renders. The last browser test class: it kills a service of the shared platform.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SharedPlatform.Start.class)
class DegradedDashboardBrowserIT {

    private static final Logger log = LoggerFactory.getLogger(DegradedDashboardBrowserIT.class);

    @Test
    void aStoppedServiceYieldsADegradedBlockWhileTheRestRenders() throws Exception {
        SharedPlatform shared = SharedPlatform.get();
        Browser browser = shared.browser;
        browser.signOut();
        shared.platform.killService("partnership-service");
        long t0 = System.nanoTime();
        browser.open("/districts/" + SharedPlatform.DISTRICT);
        assertThat(browser.awaitBlock("opportunities-body", 15)).isEqualTo("unavailable");
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.info("Degraded opportunities block shown {} s after the page was opened", String.format("%.1f", seconds));
        assertThat(seconds).as("bounded by the block timeout, not a hang").isLessThan(15);
        assertThat(browser.find("#opportunities-body").getText()).contains("Temporarily unavailable");

        DistrictPagesBrowserIT.openDashboardUntilReadyExcept(browser, "opportunities-body");
        assertThat(browser.find("#opportunities-body").getText()).contains("Temporarily unavailable");
        assertThat(browser.find("#plans .plan-title").getText()).isEqualTo("Learner-centered 2030");
        assertThat(browser.find("#checkpoints-body").getText()).contains("Temporarily unavailable");
    }
}
