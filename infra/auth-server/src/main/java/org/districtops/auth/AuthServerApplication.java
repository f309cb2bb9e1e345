package org.districtops.auth;

import org.districtops.lifecycle.ParentProcessWatcher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded default's identity provider: an OAuth2/OIDC authorization server (Spring Authorization Server)
 * with the district's accounts read from configuration. In production the district's own IdP takes its place.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        ParentProcessWatcher.watchFromEnvironment();
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
