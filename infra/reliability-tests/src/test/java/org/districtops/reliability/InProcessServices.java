package org.districtops.reliability;

import org.districtops.testsupport.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services started in this test JVM, each as its own Spring context on its own free port against the
 * real embedded PostgreSQL and the test MongoDB, the way the service ITs start one (TestStores/TestTokens).
 * Their classes come from the apps' target/classes (see the pom); each context reads its own application.yml,
 * named by location because all four sit on one classpath. pilot, pd and partnership call the real vision-service.
 */
public final class InProcessServices {

    /** One running service: {@code contextPath} is what the gateway routes to, e.g. /api/pd. */
    public record Service(String name, String contextPath, int port, ConfigurableApplicationContext context) {
        public String base() {
            return "http://127.0.0.1:" + port + contextPath;
        }
    }

    private static final List<String[]> APPS = List.of(
            new String[] {"vision", "org.districtops.vision.VisionServiceApplication", "/api/vision"},
            new String[] {"pilot", "org.districtops.pilot.PilotServiceApplication", "/api/pilots"},
            new String[] {"pd", "org.districtops.pd.PdServiceApplication", "/api/pd"},
            new String[] {"partnership", "org.districtops.partnership.PartnershipServiceApplication", "/api/partnerships"});

    private static Map<String, Service> running;

    private InProcessServices() {
    }

    /** All four, started once per test JVM (about 20 s on 2 cores) and stopped when the JVM ends. */
    public static synchronized Map<String, Service> all() {
        if (running == null) {
            Map<String, Service> started = new LinkedHashMap<>();
            String visionUri = null;
            for (String[] app : APPS) {
                Service service = start(app[0], app[1], app[2], visionUri);
                started.put(app[0], service);
                if (visionUri == null) {
                    visionUri = "http://127.0.0.1:" + service.port();
                }
            }
            running = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> running.values().forEach(s -> s.context().close())));
        }
        return running;
    }

    public static Service get(String name) {
        return all().get(name);
    }

    private static Service start(String name, String mainClass, String contextPath, String visionUri) {
        try {
            Class<?> main = Class.forName(mainClass);
            String classes = main.getProtectionDomain().getCodeSource().getLocation().toString();
            Map<String, Object> props = new LinkedHashMap<>();
            TestStores.register((key, value) -> props.put(key, value.get()), "rel_" + name);
            List<String> args = new ArrayList<>();
            props.forEach((k, v) -> args.add("--" + k + "=" + v));
            args.add("--spring.config.location=" + classes + "application.yml");
            args.add("--server.port=0");
            args.add("--server.shutdown=immediate");
            if (!"pd".equals(name)) {
                // only pd-service has migrations of its own; the others must not pick up pd's from the shared classpath
                args.add("--spring.flyway.locations=classpath:db/kit");
            }
            if (visionUri != null) {
                args.add("--dop.vision.uri=" + visionUri);
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(main)
                    .run(args.toArray(String[]::new));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return new Service(name, contextPath, port, context);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(mainClass + " is not on the test classpath: build with -am", e);
        }
    }
}
