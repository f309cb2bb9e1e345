package org.districtops.pd.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pd.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One given-when-then per rule of the badge catalog. */
class BadgeTest {

    static final BadgeRef BADGE = new BadgeRef("cesa1", "b1");
    static final BadgeImage SVG = new BadgeImage("image/svg+xml", Base64.getEncoder().encodeToString(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>".getBytes(StandardCharsets.UTF_8)));
    static final BadgeTerms TERMS = new BadgeTerms("Personalized learning 101", "Foundations of PL",
            "Complete the 10-hour course and a reflection", SVG, List.of("learner agency"), List.of("g1"), 10.0, 365,
            true, List.of());
    static final BadgeDefined DEFINED = new BadgeDefined("cesa1", "b1", 1, TERMS, AlignmentStatus.VERIFIED);

    private FixtureConfiguration<Badge> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Badge.class);
    }

    static BadgeTerms withImage(BadgeImage image) {
        return new BadgeTerms(TERMS.name(), TERMS.description(), TERMS.criteria(), image, TERMS.competencies(),
                TERMS.goalIds(), TERMS.pdHours(), TERMS.validityDays(), TERMS.evidenceRequired(), TERMS.requiredBadgeIds());
    }

    @Test
    void aBadgeIsDefinedAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, TERMS, AlignmentStatus.VERIFIED))
                .expectEvents(DEFINED);
    }

    @Test
    void aBadgeNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, new BadgeTerms(" ", "d", "c", null, null, null, 1, null, false, null),
                        AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("must not be blank");
    }

    @Test
    void theImageMustBePngOrSvg() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, withImage(new BadgeImage("image/gif", "R0lGODlh")), AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aPngImageMustReallyBeAPng() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, withImage(new BadgeImage("image/png", SVG.data())), AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("is not a PNG image");
    }

    @Test
    void anSvgImageMayNotCarryScripts() {
        String svg = Base64.getEncoder().encodeToString("<svg><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, withImage(new BadgeImage("image/svg+xml", svg)), AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class);
    }

    @Test
    void theImageIsLimitedTo100Kb() {
        byte[] big = new byte[Checks.MAX_IMAGE_BYTES + 1];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, big, 0, 8);
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, withImage(new BadgeImage("image/png", Base64.getEncoder().encodeToString(big))),
                        AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("must be at most 100 KB");
    }

    @Test
    void aBadgeCannotRequireItself() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, new BadgeTerms("n", "d", "c", null, null, null, 1, null, false, List.of("b1")),
                        AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class);
    }

    @Test
    void theValidityPeriodIsBetweenOneDayAndTenYears() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadge(BADGE, new BadgeTerms("n", "d", "c", null, null, null, 1, 0, false, null),
                        AlignmentStatus.VERIFIED))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aRevisionIncrementsTheVersion() {
        fixture.given(DEFINED, new BadgeRevised("cesa1", "b1", 2, TERMS, AlignmentStatus.VERIFIED))
                .when(new ReviseBadge(BADGE, TERMS, AlignmentStatus.UNVERIFIED))
                .expectEvents(new BadgeRevised("cesa1", "b1", 3, TERMS, AlignmentStatus.UNVERIFIED))
                .expectResultMessagePayload(3);
    }

    @Test
    void aRetiredBadgeCannotBeRevised() {
        fixture.given(DEFINED, new BadgeRetired("cesa1", "b1", "Replaced"))
                .when(new ReviseBadge(BADGE, TERMS, AlignmentStatus.VERIFIED))
                .expectException(StateConflictException.class);
    }

    @Test
    void retiringNeedsAReason() {
        fixture.given(DEFINED)
                .when(new RetireBadge(BADGE, ""))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aBadgeIsRetiredOnce() {
        fixture.given(DEFINED, new BadgeRetired("cesa1", "b1", "Replaced"))
                .when(new RetireBadge(BADGE, "again"))
                .expectException(StateConflictException.class);
    }

    @Test
    void aRecheckRecordsTheNewAlignmentOfTheCurrentVersion() {
        fixture.given(new BadgeDefined("cesa1", "b1", 1, TERMS, AlignmentStatus.UNVERIFIED))
                .when(new CheckBadgeAlignment(BADGE, AlignmentStatus.VERIFIED, List.of()))
                .expectEvents(new BadgeAlignmentChecked("cesa1", "b1", 1, AlignmentStatus.VERIFIED, List.of()));
    }

    @Test
    void anUnchangedAlignmentRecordsNothing() {
        fixture.given(DEFINED)
                .when(new CheckBadgeAlignment(BADGE, AlignmentStatus.VERIFIED, List.of()))
                .expectNoEvents();
    }
}
