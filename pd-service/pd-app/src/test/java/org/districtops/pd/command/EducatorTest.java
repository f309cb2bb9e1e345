package org.districtops.pd.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pd.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** One given-when-then per rule of an educator's record and portfolio settings. */
class EducatorTest {

    static final EducatorRef EDUCATOR = new EducatorRef("cesa1", "e1");
    static final EducatorRegistered REGISTERED = new EducatorRegistered("cesa1", "e1", "t-001", List.of("s1"));

    private FixtureConfiguration<Educator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Educator.class);
    }

    @Test
    void anEducatorIsRegisteredWithoutPersonalData() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEducator(EDUCATOR, "t-001", List.of("s1")))
                .expectEvents(REGISTERED);
    }

    @Test
    void reImportingAnUnchangedRowRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new RegisterEducator(EDUCATOR, "t-001", List.of("s1")))
                .expectNoEvents();
    }

    @Test
    void aChangedSchoolIsAnUpdateNotADuplicate() {
        fixture.given(REGISTERED)
                .when(new RegisterEducator(EDUCATOR, "t-001", List.of("s2")))
                .expectEvents(new EducatorSchoolsChanged("cesa1", "e1", List.of("s2")));
    }

    @Test
    void erasureIsRecordedOnce() {
        fixture.given(REGISTERED, new EducatorErased("cesa1", "e1"))
                .when(new EraseEducator(EDUCATOR))
                .expectException(StateConflictException.class);
    }

    @Test
    void aPortfolioIsPrivateUntilMadePublic() {
        fixture.given(REGISTERED)
                .when(new SetPortfolioVisibility(EDUCATOR, false))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new SetPortfolioVisibility(EDUCATOR, true))
                .expectEvents(new PortfolioVisibilitySet("cesa1", "e1", true));
    }

    @Test
    void aShareLinkRecordsOnlyAHash() {
        fixture.given(REGISTERED)
                .when(new CreateShareLink(EDUCATOR, "secret-token"))
                .expectException(InvalidInputException.class);
    }

    @Test
    void onlyAnExistingShareLinkIsRevoked() {
        fixture.given(REGISTERED)
                .when(new RevokeShareLink(EDUCATOR))
                .expectException(StateConflictException.class);
    }
}
