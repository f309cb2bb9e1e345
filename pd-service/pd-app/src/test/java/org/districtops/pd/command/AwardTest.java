package org.districtops.pd.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pd.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One given-when-then per rule of an award's lifecycle. */
class AwardTest {

    static final AwardRef AWARD = new AwardRef("cesa1", "a1");
    static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
    static final BadgeVersionTerms EXPIRING = new BadgeVersionTerms("b1", 2, true, 365, false);
    static final BadgeVersionTerms LASTING = new BadgeVersionTerms("b1", 2, false, null, false);
    static final Evidence EVIDENCE = new Evidence("https://example.org/reflection", null);
    static final BadgeAwarded AWARDED = new BadgeAwarded("cesa1", "a1", "e1", "b1", 2, EVIDENCE, AT,
            AT.plus(Duration.ofDays(365)), AwardRoute.STAFF);
    static final BadgeApplied APPLIED = new BadgeApplied("cesa1", "a1", "e1", "b1", 2, EVIDENCE);

    private FixtureConfiguration<Award> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Award.class);
    }

    @Test
    void anAwardReferencesTheBadgeVersionAndExpiresAfterItsValidity() {
        fixture.givenNoPriorActivity()
                .when(new AwardBadge(AWARD, "e1", EXPIRING, EVIDENCE, AT, AwardRoute.STAFF))
                .expectEvents(AWARDED);
    }

    @Test
    void aBadgeWithoutValidityNeverExpires() {
        fixture.givenNoPriorActivity()
                .when(new AwardBadge(AWARD, "e1", LASTING, null, AT, AwardRoute.BULK))
                .expectEvents(new BadgeAwarded("cesa1", "a1", "e1", "b1", 2, null, AT, null, AwardRoute.BULK));
    }

    @Test
    void evidenceIsRequiredWhenTheBadgeSaysSo() {
        fixture.givenNoPriorActivity()
                .when(new AwardBadge(AWARD, "e1", EXPIRING, new Evidence(" ", null), AT, AwardRoute.STAFF))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("this badge requires evidence: a link or a text");
    }

    @Test
    void anEvidenceLinkMustBeHttp() {
        fixture.givenNoPriorActivity()
                .when(new AwardBadge(AWARD, "e1", EXPIRING, new Evidence("javascript:alert(1)", null), AT, AwardRoute.STAFF))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aRetiredBadgeIsNotAwarded() {
        fixture.givenNoPriorActivity()
                .when(new AwardBadge(AWARD, "e1", new BadgeVersionTerms("b1", 2, false, null, true), null, AT, AwardRoute.STAFF))
                .expectException(StateConflictException.class);
    }

    @Test
    void anAwardCannotBeDatedInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new AwardBadge(AWARD, "e1", LASTING, null, Instant.now().plus(Duration.ofDays(2)), AwardRoute.STAFF))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aHeldBadgeIsNotAwardedTwice() {
        fixture.given(AWARDED)
                .when(new AwardBadge(AWARD, "e1", EXPIRING, EVIDENCE, AT, AwardRoute.PATHWAY))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aRevokedBadgeCanBeAwardedAgain() {
        fixture.given(AWARDED, new AwardRevoked("cesa1", "a1", "Error", AT))
                .when(new AwardBadge(AWARD, "e1", EXPIRING, EVIDENCE, AT, AwardRoute.STAFF))
                .expectEvents(AWARDED);
    }

    @Test
    void anApplicationNeedsEvidence() {
        fixture.givenNoPriorActivity()
                .when(new ApplyForBadge(AWARD, "e1", LASTING, null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void anEducatorAppliesWithEvidence() {
        fixture.givenNoPriorActivity()
                .when(new ApplyForBadge(AWARD, "e1", EXPIRING, EVIDENCE))
                .expectEvents(APPLIED);
    }

    @Test
    void oneApplicationAtATime() {
        fixture.given(APPLIED)
                .when(new ApplyForBadge(AWARD, "e1", EXPIRING, EVIDENCE))
                .expectException(StateConflictException.class);
    }

    @Test
    void approvalAwardsTheBadgeWithTheApplicationsEvidence() {
        fixture.given(APPLIED)
                .when(new ApproveApplication(AWARD, EXPIRING, AT))
                .expectEvents(new BadgeAwarded("cesa1", "a1", "e1", "b1", 2, EVIDENCE, AT, AT.plus(Duration.ofDays(365)),
                        AwardRoute.APPLICATION));
    }

    @Test
    void aReturnedApplicationNeedsAComment() {
        fixture.given(APPLIED)
                .when(new ReturnApplication(AWARD, ""))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aReturnedApplicationCanBeResubmitted() {
        fixture.given(APPLIED, new ApplicationReturned("cesa1", "a1", "Add your reflection"))
                .when(new ApplyForBadge(AWARD, "e1", EXPIRING, new Evidence(null, "My reflection")))
                .expectEvents(new BadgeApplied("cesa1", "a1", "e1", "b1", 2, new Evidence(null, "My reflection")));
    }

    @Test
    void onlyAPendingApplicationIsApproved() {
        fixture.given(APPLIED, new ApplicationReturned("cesa1", "a1", "Add your reflection"))
                .when(new ApproveApplication(AWARD, EXPIRING, AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void revocationNeedsAReason() {
        fixture.given(AWARDED)
                .when(new RevokeAward(AWARD, " ", AT))
                .expectException(InvalidInputException.class);
    }

    @Test
    void anAwardIsRevokedWithItsReason() {
        fixture.given(AWARDED)
                .when(new RevokeAward(AWARD, "Awarded in error", AT))
                .expectEvents(new AwardRevoked("cesa1", "a1", "Awarded in error", AT));
    }

    @Test
    void anAwardIsRevokedOnce() {
        fixture.given(AWARDED, new AwardRevoked("cesa1", "a1", "Error", AT))
                .when(new RevokeAward(AWARD, "again", AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void renewalStartsANewValidityPeriod() {
        Instant later = AT.plus(Duration.ofDays(300));
        fixture.given(AWARDED)
                .when(new RenewAward(AWARD, null, later))
                .expectEvents(new AwardRenewed("cesa1", "a1", null, later, later.plus(Duration.ofDays(365))));
    }

    @Test
    void aRevokedAwardIsNotRenewed() {
        fixture.given(AWARDED, new AwardRevoked("cesa1", "a1", "Error", AT))
                .when(new RenewAward(AWARD, null, AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void aBadgeWithoutExpiryIsNotRenewed() {
        fixture.given(new BadgeAwarded("cesa1", "a1", "e1", "b1", 2, null, AT, null, AwardRoute.STAFF))
                .when(new RenewAward(AWARD, null, AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void aPathwayBadgeIsAwardedAutomaticallyOnlyOnce() {
        fixture.given(AWARDED, new AwardRevoked("cesa1", "a1", "Error", AT))
                .when(new AwardBadge(AWARD, "e1", EXPIRING, EVIDENCE, AT, AwardRoute.PATHWAY))
                .expectException(StateConflictException.class);
    }
}
