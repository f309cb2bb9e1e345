package org.districtops.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the launcher reads from the environment (all optional). Ports can be moved so that a second
 * platform (for example the end-to-end test) can run beside a developer's.
 */
record LaunchSettings(Path home, Path dataDirectory, int authPort, int gatewayPort, int gatewayManagementPort, int visionPort, int pilotPort, int pdPort,
                      int partnershipPort, int postgresPort, int mongoPort, List<String> serviceJavaOptions,
                      int readyTimeoutSeconds) {

    static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx384m";

    static LaunchSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("DOP_HOME", ".")).toAbsolutePath().normalize();
        Path data = home.resolve(env.getOrDefault("DOP_DATA_DIR", "data")).toAbsolutePath().normalize();
        return new LaunchSettings(home, data,
                port(env, "DOP_AUTH_PORT", 9000),
                port(env, "DOP_GATEWAY_PORT", 8080),
                port(env, "DOP_GATEWAY_MANAGEMENT_PORT", 8090),
                port(env, "DOP_VISION_PORT", 8081),
                port(env, "DOP_PILOT_PORT", 8082),
                port(env, "DOP_PD_PORT", 8083),
                port(env, "DOP_PARTNERSHIP_PORT", 8084),
                port(env, "DOP_POSTGRES_PORT", 54329),
                port(env, "DOP_MONGO_PORT", 27027),
                Arrays.stream(env.getOrDefault("DOP_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList(),
                Integer.parseInt(env.getOrDefault("DOP_READY_TIMEOUT_SECONDS", "180")));
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }
}
