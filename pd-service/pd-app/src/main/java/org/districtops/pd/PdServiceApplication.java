package org.districtops.pd;

import org.districtops.lifecycle.ParentProcessWatcher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class PdServiceApplication {

    public static void main(String[] args) {
        ParentProcessWatcher.watchFromEnvironment();
        SpringApplication.run(PdServiceApplication.class, args);
    }
}
