package org.districtops.gateway.auth;

import org.districtops.gateway.auth.AuthProperties.DemoUser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoUserAuthenticatorTest {

    private final DemoUserAuthenticator authenticator = new DemoUserAuthenticator(List.of(
            new DemoUser("planner", "demo", "Pat Planner", "demo-district", List.of("district-staff"), null),
            new DemoUser("auditor", "s3cret", null, "other-district", List.of("auditor"), null)));

    @Test
    void acceptsTheRightPassword() {
        assertThat(authenticator.authenticate("planner", "demo"))
                .hasValueSatisfying(u -> assertThat(u.roles()).containsExactly("district-staff"));
        assertThat(authenticator.authenticate("auditor", "s3cret"))
                .hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("auditor"));
    }

    @Test
    void rejectsWrongPasswordsAndUnknownUsers() {
        assertThat(authenticator.authenticate("planner", "Demo")).isEmpty();
        assertThat(authenticator.authenticate("planner", "demo ")).isEmpty();
        assertThat(authenticator.authenticate("planner", "s3cret")).isEmpty();
        assertThat(authenticator.authenticate("nobody", "demo")).isEmpty();
    }
}
