package org.districtops.pd.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.pd.api.RegisterSchool;
import org.districtops.pd.api.SchoolRef;
import org.districtops.pd.api.SchoolRegistered;
import org.districtops.pd.api.SchoolUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One given-when-then per rule of a roster school. */
class SchoolTest {

    static final SchoolRef SCHOOL = new SchoolRef("cesa1", "sch-1");
    static final SchoolRegistered REGISTERED = new SchoolRegistered("cesa1", "sch-1", "Jefferson ES", "S1");

    private FixtureConfiguration<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void aSchoolIsRegisteredFromItsRosterRow() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool(SCHOOL, " Jefferson ES ", "S1"))
                .expectEvents(REGISTERED);
    }

    @Test
    void anUnchangedRowRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new RegisterSchool(SCHOOL, "Jefferson ES", "S1"))
                .expectNoEvents();
    }

    @Test
    void aRenamedSchoolIsUpdated() {
        fixture.given(REGISTERED)
                .when(new RegisterSchool(SCHOOL, "Jefferson Elementary", "S1"))
                .expectEvents(new SchoolUpdated("cesa1", "sch-1", "Jefferson Elementary", "S1"));
    }

    @Test
    void aSchoolNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool(SCHOOL, "", null))
                .expectException(InvalidInputException.class);
    }
}
