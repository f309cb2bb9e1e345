package org.districtops.auth.token;

import org.districtops.auth.account.Accounts;
import org.districtops.auth.config.AuthProperties.Account;
import org.districtops.auth.config.AuthProperties.Client;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformClaimsTest {

    private final PlatformClaims claims = new PlatformClaims(new Accounts(List.of(
            new Account("partner", "demo", "Parker Partner", "d1", List.of("partner"), "acme", null),
            new Account("planner", "demo", null, "d1", List.of("district-staff"), null, null),
            new Account("eli", "demo", "Eli Educator", "d1", List.of("educator"), null, "edu-42"))),
            List.of(new Client("reporting", "s", List.of("client_credentials"), null, null, null, "d2", List.of("auditor")),
                    new Client("gateway", "s", List.of("authorization_code"), null, null, null, null, null)));

    @Test
    void givenAPartnerAccountWhenItSignsInThenItsTokenNamesItsOrganisation() {
        assertThat(claims.forAccount("partner")).hasValueSatisfying(c -> assertThat(c)
                .containsEntry("district", "d1")
                .containsEntry("roles", List.of("partner"))
                .containsEntry("name", "Parker Partner")
                .containsEntry("partner", "acme"));
    }

    @Test
    void givenAnAccountOfNoOrganisationWhenItSignsInThenItsTokenHasNoPartnerClaimAndItsUsernameAsName() {
        assertThat(claims.forAccount("planner")).hasValueSatisfying(c -> assertThat(c)
                .doesNotContainKey("partner")
                .doesNotContainKey("educator_id")
                .containsEntry("name", "planner"));
        assertThat(claims.forAccount("nobody")).isEmpty();
    }

    @Test
    void givenAnEducatorAccountLinkedToItsRecordWhenItSignsInThenItsTokenCarriesTheEducatorId() {
        assertThat(claims.forAccount("eli")).hasValueSatisfying(c -> assertThat(c)
                .containsEntry("roles", List.of("educator"))
                .containsEntry("educator_id", "edu-42")
                .doesNotContainKey("partner"));
    }

    @Test
    void givenAMachineClientWhenItAsksForATokenThenItActsForItsConfiguredDistrictOnly() {
        assertThat(claims.forClient("reporting")).hasValueSatisfying(c -> assertThat(c)
                .containsEntry("district", "d2")
                .containsEntry("roles", List.of("auditor")));
        assertThat(claims.forClient("gateway")).as("a client that names no district acts for none").isEmpty();
        assertThat(claims.forClient("unknown")).isEmpty();
    }
}
