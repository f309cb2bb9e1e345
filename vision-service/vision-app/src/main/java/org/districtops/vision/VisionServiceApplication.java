package org.districtops.vision;

import org.districtops.lifecycle.ParentProcessWatcher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VisionServiceApplication {

    public static void main(String[] args) {
        ParentProcessWatcher.watchFromEnvironment();
        SpringApplication.run(VisionServiceApplication.class, args);
    }
}
