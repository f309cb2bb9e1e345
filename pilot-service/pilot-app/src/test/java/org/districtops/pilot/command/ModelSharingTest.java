package org.districtops.pilot.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.pilot.api.ProvenModelSharingSet;
import org.districtops.pilot.api.SetProvenModelSharing;
import org.districtops.pilot.api.SharingRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelSharingTest {

    private static final SharingRef LINDSAY = new SharingRef("lindsay");
    private FixtureConfiguration<ModelSharing> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModelSharing.class);
    }

    @Test
    void aDistrictChoosesToShareItsProvenModels() {
        fixture.givenNoPriorActivity()
                .when(new SetProvenModelSharing(LINDSAY, true))
                .expectEvents(new ProvenModelSharingSet("lindsay", true));
    }

    @Test
    void choosingTheSameAgainRecordsNothing() {
        fixture.given(new ProvenModelSharingSet("lindsay", true))
                .when(new SetProvenModelSharing(LINDSAY, true))
                .expectNoEvents();
    }

    @Test
    void aDistrictCanStopSharing() {
        fixture.given(new ProvenModelSharingSet("lindsay", true))
                .when(new SetProvenModelSharing(LINDSAY, false))
                .expectEvents(new ProvenModelSharingSet("lindsay", false));
    }
}
