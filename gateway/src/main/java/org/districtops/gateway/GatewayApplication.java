package org.districtops.gateway;

import org.districtops.lifecycle.ParentProcessWatcher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Edge of the platform: routes /api/** to the services, signs browsers in (OIDC) and serves the public pages. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        ParentProcessWatcher.watchFromEnvironment();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
