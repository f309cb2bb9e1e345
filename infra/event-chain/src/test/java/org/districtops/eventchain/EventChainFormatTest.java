package org.districtops.eventchain;

import org.districtops.eventchain.EventChainFormat.EventRow;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers for the canonical bytes and the chain hashes, computed independently (a few lines of Python's
 * hashlib and struct, see docs/audit.md). PostgreSQL's trigger is checked against the same values in EventChainIT.
 */
class EventChainFormatTest {

    static final EventRow FIRST = new EventRow("3f2c0b9e-0000-4000-8000-000000000001", "demo-district/plan/p1", 0,
            "StrategicPlan", "org.districtops.vision.api.StrategicPlanCreated", null, "2026-01-05T10:15:30.123Z",
            "{\"title\":\"Écoles 2030\"}".getBytes(StandardCharsets.UTF_8), null);
    static final EventRow SECOND = new EventRow("3f2c0b9e-0000-4000-8000-000000000002", "demo-district/plan/p1", 1,
            "StrategicPlan", "org.districtops.vision.api.PlanGoalAdded", "2", "2026-01-05T10:16:00Z",
            "{\"goalId\":\"g1\"}".getBytes(StandardCharsets.UTF_8),
            "{\"actorId\":\"sup-1\"}".getBytes(StandardCharsets.UTF_8));
    static final String FIRST_CANONICAL = "00000024"
            + "33663263306239652d303030302d343030302d383030302d303030303030303030303031" // event_identifier
            + "00000015" + "64656d6f2d64697374726963742f706c616e2f7031"                   // aggregate_identifier
            + "00000001" + "30"                                                           // sequence_number "0"
            + "0000000d" + "537472617465676963506c616e"                                   // type
            + "0000002f" + "6f72672e64697374726963746f70732e766973696f6e2e6170692e537472617465676963506c616e43726561746564"
            + "ffffffff"                                                                  // payload_revision: null
            + "00000018" + "323032362d30312d30355431303a31353a33302e3132335a"             // time_stamp
            + "00000018" + "7b227469746c65223a22c389636f6c65732032303330227d"             // payload: É is 2 bytes
            + "ffffffff";                                                                 // meta_data: null
    static final String FIRST_HASH = "90be1486c8e776bfa6f3e8bb24cf0a1ba02db7b1b58d7d3e134cf0fd536ff9d4";
    static final String SECOND_HASH = "4d6669dcd2609d49441efe7ffe6adaf77f71a5ca42dc841e88cf9dfc56402706";

    @Test
    void canonicalBytesAreLengthPrefixedUtf8WithMinusOneForNull() {
        assertThat(EventChainFormat.hex(EventChainFormat.canonical(FIRST))).isEqualTo(FIRST_CANONICAL);
    }

    @Test
    void eachHashCoversThePreviousHashAndTheEvent() {
        assertThat(EventChainFormat.genesis()).hasSize(32).containsOnly(0);
        byte[] first = EventChainFormat.hash(EventChainFormat.genesis(), FIRST);
        assertThat(EventChainFormat.hex(first)).isEqualTo(FIRST_HASH);
        assertThat(EventChainFormat.hex(EventChainFormat.hash(first, SECOND))).isEqualTo(SECOND_HASH);
    }

    @Test
    void nullAndEmptyDifferAndLengthPrefixesKeepFieldsApart() {
        String base = EventChainFormat.hex(EventChainFormat.hash(EventChainFormat.genesis(), FIRST));
        EventRow emptyRevision = new EventRow(FIRST.eventIdentifier(), FIRST.aggregateIdentifier(),
                FIRST.sequenceNumber(), FIRST.type(), FIRST.payloadType(), "", FIRST.timeStamp(), FIRST.payload(),
                FIRST.metaData());
        EventRow a = new EventRow("e", "agg", 0, "Strategic", "PlanCreated", null, "t", new byte[0], null);
        EventRow b = new EventRow("e", "agg", 0, "StrategicPlan", "Created", null, "t", new byte[0], null);
        // null and empty differ, and the length prefixes keep fields apart that concatenate alike
        assertThat(EventChainFormat.hex(EventChainFormat.hash(EventChainFormat.genesis(), emptyRevision)))
                .isNotEqualTo(base);
        assertThat(EventChainFormat.canonical(a)).isNotEqualTo(EventChainFormat.canonical(b));
    }
}
