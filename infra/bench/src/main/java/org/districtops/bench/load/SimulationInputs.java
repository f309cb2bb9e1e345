package org.districtops.bench.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a simulation is told by system properties ({@code bench.*}; BenchRun sets them before each Gatling run),
 * checked before any load is sent: a missing or malformed input fails naming its property, and load goes only to
 * this machine.
 */
public final class SimulationInputs {

    private final Properties properties;

    public SimulationInputs(Properties properties) {
        this.properties = properties;
    }

    public static SimulationInputs fromSystemProperties() {
        return new SimulationInputs(System.getProperties());
    }

    public String text(String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing system property " + name);
        }
        return value.trim();
    }

    public int positive(String name) {
        try {
            int value = Integer.parseInt(text(name));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + name + " must be a positive whole number, was "
                + properties.getProperty(name));
    }

    /** A positive decimal, or 0 when the property is absent. */
    public double optionalRate(String name) {
        if (properties.getProperty(name) == null) {
            return 0;
        }
        try {
            double value = Double.parseDouble(text(name));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + name + " must be a positive number, was "
                + properties.getProperty(name));
    }

    /** A comma-separated, non-empty list. */
    public List<String> list(String name) {
        List<String> values = Arrays.stream(text(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("system property " + name + " must list at least one value");
        }
        return values;
    }

    public Path existingFile(String name) {
        Path file = Path.of(text(name));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("system property " + name + " names no file: " + file);
        }
        return file;
    }

    /** An http URL on this machine: the benchmark never sends load anywhere else. */
    public String loopbackUrl(String name) {
        String url = text(name);
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (!"http".equals(uri.getScheme()) || host == null
                || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("system property " + name + " must be an http URL on loopback, was " + url);
        }
        return url;
    }
}
