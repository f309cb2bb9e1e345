package org.districtops.partnership;

import org.districtops.lifecycle.ParentProcessWatcher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnershipServiceApplication {

    public static void main(String[] args) {
        ParentProcessWatcher.watchFromEnvironment();
        SpringApplication.run(PartnershipServiceApplication.class, args);
    }
}
