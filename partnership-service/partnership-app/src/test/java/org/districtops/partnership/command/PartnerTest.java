package org.districtops.partnership.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.partnership.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** One given-when-then per rule of a partner's onboarding, agreement, attestations and standing. */
class PartnerTest {

    private static final PartnerRef PARTNER = new PartnerRef("lindsay", "acme");
    private static final Instant IN_30_DAYS = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant IN_60_DAYS = IN_30_DAYS.plus(30, ChronoUnit.DAYS);
    private static final LocalDate TODAY = LocalDate.now();
    private static final PartnerOnboarded ONBOARDED = new PartnerOnboarded("lindsay", "acme", "Acme Tools",
            OrganisationType.BUSINESS, "Machine shop", "https://acme.example");
    private static final List<String> NOTHING_YET = List.of("no agreement on record",
            "no LIABILITY_INSURANCE attestation", "no BACKGROUND_CHECKS attestation");
    private static final AgreementSigned AGREEMENT = new AgreementSigned("lindsay", "acme", TODAY, TODAY.plusYears(1),
            IN_60_DAYS, List.of("g-1"), AlignmentStatus.VERIFIED);
    private static final AttestationRecorded INSURANCE = new AttestationRecorded("lindsay", "acme",
            AttestationType.LIABILITY_INSURANCE, IN_60_DAYS, "POL-1");
    private static final AttestationRecorded CHECKS = new AttestationRecorded("lindsay", "acme",
            AttestationType.BACKGROUND_CHECKS, IN_30_DAYS, "BG-1");
    private static final PartnerStandingChanged GOOD = new PartnerStandingChanged("lindsay", "acme", true, List.of());

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    @Test
    void onboardingRecordsTheOrganisationNotYetInGoodStanding() {
        fixture.givenNoPriorActivity()
                .when(new OnboardPartner(PARTNER, " Acme Tools ", OrganisationType.BUSINESS, "Machine shop",
                        "https://acme.example"))
                .expectEvents(ONBOARDED, new PartnerStandingChanged("lindsay", "acme", false, NOTHING_YET));
    }

    @Test
    void anOrganisationNeedsAType() {
        fixture.givenNoPriorActivity()
                .when(new OnboardPartner(PARTNER, "Acme", null, null, null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aContactNeedsAnEmailAddress() {
        fixture.given(ONBOARDED)
                .when(new AddPartnerContact(PARTNER, new Contact("c1", "Dana Reyes", "HR lead", "not-an-email", null)))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aContactIsRecorded() {
        fixture.given(ONBOARDED)
                .when(new AddPartnerContact(PARTNER, new Contact("c1", "Dana Reyes", "HR lead", "dana@acme.example",
                        "+1 555 0100")))
                .expectEvents(new PartnerContactAdded("lindsay", "acme",
                        new Contact("c1", "Dana Reyes", "HR lead", "dana@acme.example", "+1 555 0100")));
    }

    @Test
    void anAgreementMustEndAfterItStarts() {
        fixture.given(ONBOARDED)
                .when(new SignAgreement(PARTNER, TODAY, TODAY, IN_60_DAYS, List.of(), AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class);
    }

    @Test
    void anExpiryMustBeInTheFuture() {
        fixture.given(ONBOARDED)
                .when(new RecordAttestation(PARTNER, AttestationType.LIABILITY_INSURANCE,
                        Instant.now().minusSeconds(5), "POL-1"))
                .expectException(InvalidInputException.class);
    }

    @Test
    void anAgreementWithGoalsOutsideThePlanIsRefused() {
        fixture.given(ONBOARDED)
                .when(new SignAgreement(PARTNER, TODAY, TODAY.plusYears(1), IN_60_DAYS, List.of("nope"),
                        AlignmentStatus.INVALID))
                .expectException(InvalidInputException.class);
    }

    @Test
    void anAttestationSchedulesItsExpiryDeadline() {
        fixture.given(ONBOARDED)
                .when(new RecordAttestation(PARTNER, AttestationType.LIABILITY_INSURANCE, IN_60_DAYS, "POL-1"))
                .expectEvents(INSURANCE, new PartnerStandingChanged("lindsay", "acme", false, List.of(
                        "no agreement on record", "no BACKGROUND_CHECKS attestation")))
                .expectScheduledDeadline(IN_60_DAYS, new ExpiryDue("LIABILITY_INSURANCE", IN_60_DAYS));
    }

    @Test
    void anAgreementAndBothAttestationsMakeGoodStanding() {
        fixture.given(ONBOARDED, AGREEMENT, INSURANCE)
                .when(new RecordAttestation(PARTNER, AttestationType.BACKGROUND_CHECKS, IN_30_DAYS, "BG-1"))
                .expectEvents(CHECKS, GOOD)
                // the answer is the version that includes the standing: a page waits for the read side to reach it
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenAnOnboardedPartnerWhenItsAgreementIsSignedThenTheAnswerIsItsVersionAfterTheNewStanding() {
        fixture.given(ONBOARDED)
                .when(new SignAgreement(PARTNER, TODAY, TODAY.plusYears(1), IN_60_DAYS, List.of(), AlignmentStatus.VERIFIED))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(AgreementSigned.class)),
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(PartnerStandingChanged.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void whenAnAttestationExpiresThePartnerLeavesGoodStanding() {
        fixture.given(ONBOARDED, AGREEMENT, INSURANCE)
                .andGivenCommands(new RecordAttestation(PARTNER, AttestationType.BACKGROUND_CHECKS, IN_30_DAYS, "BG-1"))
                .whenThenTimeAdvancesTo(IN_30_DAYS.plusSeconds(1))
                .expectDeadlinesMet(new ExpiryDue("BACKGROUND_CHECKS", IN_30_DAYS))
                .expectEvents(new AttestationExpired("lindsay", "acme", AttestationType.BACKGROUND_CHECKS, IN_30_DAYS),
                        new PartnerStandingChanged("lindsay", "acme", false,
                                List.of("the BACKGROUND_CHECKS attestation expired")));
    }

    @Test
    void whenTheAgreementExpiresThePartnerLeavesGoodStanding() {
        Instant soon = IN_30_DAYS.minus(10, ChronoUnit.DAYS);
        fixture.given(ONBOARDED, INSURANCE, CHECKS)
                .andGivenCommands(new SignAgreement(PARTNER, TODAY, TODAY.plusDays(20), soon, List.of(),
                        AlignmentStatus.VERIFIED))
                .whenThenTimeAdvancesTo(soon.plusSeconds(1))
                .expectEvents(new AgreementExpired("lindsay", "acme", soon),
                        new PartnerStandingChanged("lindsay", "acme", false, List.of("the agreement expired")));
    }

    @Test
    void aRenewalBeforeTheDeadlineMakesTheOldDeadlineIgnored() {
        fixture.given(ONBOARDED, AGREEMENT, INSURANCE)
                .andGivenCommands(new RecordAttestation(PARTNER, AttestationType.BACKGROUND_CHECKS, IN_30_DAYS, "BG-1"),
                        new RecordAttestation(PARTNER, AttestationType.BACKGROUND_CHECKS, IN_60_DAYS, "BG-2"))
                .whenThenTimeAdvancesTo(IN_30_DAYS.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aRenewalAfterExpiryRestoresGoodStanding() {
        fixture.given(ONBOARDED, AGREEMENT, INSURANCE, CHECKS, GOOD,
                        new AttestationExpired("lindsay", "acme", AttestationType.BACKGROUND_CHECKS, IN_30_DAYS),
                        new PartnerStandingChanged("lindsay", "acme", false,
                                List.of("the BACKGROUND_CHECKS attestation expired")))
                .when(new RecordAttestation(PARTNER, AttestationType.BACKGROUND_CHECKS, IN_60_DAYS, "BG-2"))
                .expectEvents(new AttestationRecorded("lindsay", "acme", AttestationType.BACKGROUND_CHECKS, IN_60_DAYS,
                        "BG-2"), GOOD);
    }

    @Test
    void reArmingRecordsExpiriesThatPassedWhileTheServiceWasDown() {
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        fixture.given(ONBOARDED, AGREEMENT, INSURANCE,
                        new AttestationRecorded("lindsay", "acme", AttestationType.BACKGROUND_CHECKS, past, "BG-1"), GOOD)
                .when(new ScheduleExpiryCheck(PARTNER))
                .expectEvents(new AttestationExpired("lindsay", "acme", AttestationType.BACKGROUND_CHECKS, past),
                        new PartnerStandingChanged("lindsay", "acme", false,
                                List.of("the BACKGROUND_CHECKS attestation expired")))
                .expectScheduledDeadline(IN_60_DAYS, new ExpiryDue("AGREEMENT", IN_60_DAYS));
    }

    @Test
    void reArmingIsHarmlessToRepeat() {
        fixture.given(ONBOARDED, AGREEMENT, INSURANCE, CHECKS, GOOD)
                .when(new ScheduleExpiryCheck(PARTNER))
                .expectNoEvents()
                .expectScheduledDeadline(IN_30_DAYS, new ExpiryDue("BACKGROUND_CHECKS", IN_30_DAYS));
    }

    @Test
    void anUnverifiedAgreementIsCheckedOnceVisionAnswers() {
        AgreementSigned unverified = new AgreementSigned("lindsay", "acme", TODAY, TODAY.plusYears(1), IN_60_DAYS,
                List.of("g-1"), AlignmentStatus.UNVERIFIED);
        fixture.given(ONBOARDED, unverified)
                .when(new CheckAgreementAlignment(PARTNER, AlignmentStatus.VERIFIED, List.of()))
                .expectEvents(new AgreementAlignmentChecked("lindsay", "acme", AlignmentStatus.VERIFIED, List.of()));
    }

    @Test
    void anUnchangedAlignmentRecordsNothing() {
        fixture.given(ONBOARDED, AGREEMENT)
                .when(new CheckAgreementAlignment(PARTNER, AlignmentStatus.VERIFIED, List.of()))
                .expectNoEvents();
    }

    @Test
    void aContactIdIsUsedOnce() {
        Contact dana = new Contact("c1", "Dana Reyes", "HR lead", "dana@acme.example", null);
        fixture.given(ONBOARDED, new PartnerContactAdded("lindsay", "acme", dana))
                .when(new AddPartnerContact(PARTNER, dana))
                .expectException(StateConflictException.class);
    }
}
