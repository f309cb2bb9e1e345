package org.districtops.kit.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Anonymous: which service answers here, so the public pages can show what is up. */
@RestController // registered by ServiceKitAutoConfiguration
public class ServiceInfoController {

    private final String name;

    public ServiceInfoController(@Value("${spring.application.name}") String name) {
        this.name = name;
    }

    @Operation(summary = "The service's name and status")
    @GetMapping("/public/service-info")
    public Map<String, String> info() {
        return Map.of("service", name, "status", "UP");
    }
}
