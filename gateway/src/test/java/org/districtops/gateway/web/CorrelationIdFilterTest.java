package org.districtops.gateway.web;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTest {

    @Test
    void keepsASafeIncomingId() {
        assertThat(CorrelationIdFilter.resolve("req-42.a:b_C")).isEqualTo("req-42.a:b_C");
    }

    @Test
    void replacesMissingOrUnsafeIdsWithAUuid() {
        for (String incoming : new String[] {null, "", "two words", "line\r\nbreak", "x".repeat(101)}) {
            String resolved = CorrelationIdFilter.resolve(incoming);
            assertThat(resolved).isNotEqualTo(incoming);
            assertThat(UUID.fromString(resolved).toString()).isEqualTo(resolved);
        }
    }
}
