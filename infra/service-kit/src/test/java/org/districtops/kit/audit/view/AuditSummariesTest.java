package org.districtops.kit.audit.view;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Summaries in words: a service's describer when it has one, else the event type and aggregate. */
class AuditSummariesTest {

    record MeasureTargetChanged(String measureId, double value) {
    }

    record BadgeAwarded(String educatorId) {
    }

    @Test
    void givenNoDescriberTheSummaryIsTheEventTypeInWordsAndTheAggregate() {
        AuditSummaries summaries = new AuditSummaries(List.of());
        assertThat(summaries.summary(new BadgeAwarded("edu-1"), "BadgeAward", "d/award/a1"))
                .isEqualTo("Badge awarded (badge award d/award/a1)");
        assertThat(summaries.publicSummary(new BadgeAwarded("edu-1"))).isEqualTo("Badge awarded");
    }

    @Test
    void givenADescriberItsWordsAreUsedAndItsPublicWordsFallBackToTheType() {
        AuditSummaries summaries = new AuditSummaries(List.of(
                AuditDescriber.of(MeasureTargetChanged.class, e -> "Target of " + e.measureId() + " set to " + e.value(), null)));
        assertThat(summaries.summary(new MeasureTargetChanged("m1", 88), "StrategicPlan", "d/plan/p"))
                .isEqualTo("Target of m1 set to 88.0");
        assertThat(summaries.publicSummary(new MeasureTargetChanged("m1", 88))).isEqualTo("Measure target changed");
    }

    @Test
    void twoDescribersForOneTypeAreRefused() {
        AuditDescriber<BadgeAwarded> one = AuditDescriber.of(BadgeAwarded.class, e -> "one", null);
        AuditDescriber<BadgeAwarded> two = AuditDescriber.of(BadgeAwarded.class, e -> "two", null);
        assertThatThrownBy(() -> new AuditSummaries(List.of(one, two))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventTypeCannotBeBothPublicAndRestricted() {
        assertThatThrownBy(() -> new AuditViewPolicy(Set.of(BadgeAwarded.class), Set.of(BadgeAwarded.class)))
                .isInstanceOf(IllegalArgumentException.class);
        AuditViewPolicy policy = new AuditViewPolicy(Set.of(MeasureTargetChanged.class), Set.of(BadgeAwarded.class));
        assertThat(policy.isPublic(MeasureTargetChanged.class)).isTrue();
        assertThat(policy.isPublic(BadgeAwarded.class)).isFalse();
        assertThat(policy.isRestricted(BadgeAwarded.class)).isTrue();
    }
}
