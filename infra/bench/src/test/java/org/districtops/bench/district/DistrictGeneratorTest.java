package org.districtops.bench.district;

import org.axonframework.serialization.json.JacksonSerializer;
import org.districtops.bench.district.GeneratedEvent.Service;
import org.districtops.pd.api.BadgeAwarded;
import org.districtops.vision.api.StrategicPlanCreated;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DistrictGeneratorTest {

    /** A digest of every serialized row, in order: equal digests mean byte-identical event stores. */
    private static String digest(DistrictSize size, long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        JacksonSerializer serializer = EventStoreWriter.axonSerializer();
        new DistrictGenerator("demo-district", size, seed).generate(e -> {
            for (Object value : EventStoreWriter.row(serializer, e, "demo-district")) {
                sha.update(String.valueOf(value instanceof byte[] b ? new String(b) : value).getBytes());
            }
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void givenTheSameSeed_whenGeneratedTwice_thenTheEventsAreIdentical() throws Exception {
        assertThat(digest(DistrictSize.S, 7)).isEqualTo(digest(DistrictSize.S, 7));
    }

    @Test
    void givenAnotherSeed_whenGenerated_thenTheEventsDiffer() throws Exception {
        assertThat(digest(DistrictSize.S, 7)).isNotEqualTo(digest(DistrictSize.S, 8));
    }

    @Test
    void givenSizeS_whenGenerated_thenEachServiceGetsThePlannedCountAndEveryAggregateIsInSequence() {
        Map<Service, Long> perService = new EnumMap<>(Service.class);
        Map<String, Long> nextSequence = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        Set<String> awards = new HashSet<>();
        List<String> plans = new ArrayList<>();
        new DistrictGenerator("demo-district", DistrictSize.S, 1).generate(e -> {
            perService.merge(e.service(), 1L, Long::sum);
            long expected = nextSequence.getOrDefault(e.aggregateId(), 0L);
            assertThat(e.sequence()).as("sequence of %s", e.aggregateId()).isEqualTo(expected);
            nextSequence.put(e.aggregateId(), expected + 1);
            assertThat(eventIds.add(e.eventId())).isTrue();
            assertThat(e.aggregateId()).startsWith("demo-district/");
            if (e.payload() instanceof BadgeAwarded a) {
                assertThat(awards.add(a.educatorId() + "|" + a.badgeId())).as("one award per educator and badge").isTrue();
            }
            if (e.payload() instanceof StrategicPlanCreated p) {
                plans.add(p.planId());
            }
        });
        DistrictSize s = DistrictSize.S;
        assertThat(perService.get(Service.VISION)).isEqualTo(s.visionEvents());
        assertThat(perService.get(Service.PILOT)).isEqualTo(s.pilotEvents());
        assertThat(perService.get(Service.PD)).isEqualTo(s.pdEvents());
        assertThat(perService.get(Service.PARTNERSHIP)).isEqualTo(s.partnershipEvents());
        assertThat(awards).hasSize(s.educators * DistrictSize.YEARS * DistrictSize.AWARDS_PER_EDUCATOR_YEAR);
        assertThat(plans).hasSize(1);
    }

    @Test
    void theSizesMatchTheIssue() {
        assertThat(DistrictSize.S.students).isEqualTo(4_000);
        assertThat(DistrictSize.S.schools).isEqualTo(10);
        assertThat(DistrictSize.S.educators).isEqualTo(300);
        assertThat(DistrictSize.M.students).isEqualTo(100_000);
        assertThat(DistrictSize.M.schools).isEqualTo(180);
        assertThat(DistrictSize.M.educators).isEqualTo(7_000);
        assertThat(DistrictSize.L.students).isEqualTo(1_000_000);
        assertThat(DistrictSize.L.schools).isEqualTo(1_800);
        assertThat(DistrictSize.L.educators).isEqualTo(75_000);
        assertThat(DistrictSize.L.generatedEvents()).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void freeAwardsAreNotInTheHistory() {
        DistrictGenerator generator = new DistrictGenerator("demo-district", DistrictSize.S, 3);
        Set<String> held = new HashSet<>();
        generator.generate(e -> {
            if (e.payload() instanceof BadgeAwarded a) {
                held.add(a.educatorId() + "|" + a.badgeId());
            }
        });
        Set<String> free = new HashSet<>();
        for (int i = 0; i < generator.freeAwards(); i++) {
            String[] pair = generator.freeAward(i);
            assertThat(held.contains(pair[0] + "|" + pair[1])).as("free pair %d is in the history", i).isFalse();
            free.add(pair[0] + "|" + pair[1]);
        }
        assertThat(free).hasSize(generator.freeAwards());
    }

    @Test
    void theOneRosterPackageIsTheSameForTheSameSeed() {
        assertThat(OneRosterPackage.educators(DistrictSize.S, 5, 0, 300))
                .isEqualTo(OneRosterPackage.educators(DistrictSize.S, 5, 0, 300))
                .isNotEqualTo(OneRosterPackage.educators(DistrictSize.S, 6, 0, 300));
        assertThat(OneRosterPackage.educatorId("demo-district", 0))
                .isEqualTo(java.util.UUID.nameUUIDFromBytes("oneroster|demo-district|edu-000001".getBytes()).toString());
    }
}
