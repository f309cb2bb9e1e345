package org.districtops.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the time goes, measured rather than guessed: a JDK Flight Recorder recording of a running JVM (started with
 * {@code jcmd <pid> JFR.start}), summarised by the top frames of its execution samples: by method (self time) and
 * by the package family of the top frame (the subsystem that was on CPU).
 */
final class Profiler {

    private Profiler() {
    }

    /** {@code java -cp infra/bench/target/classes org.districtops.bench.Profiler <file.jfr> [top]}: prints the summary. */
    public static void main(String[] args) throws Exception {
        Map<String, Object> summary = summarise(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15);
        summary.forEach((k, v) -> {
            System.out.println(k + ":");
            if (v instanceof Map<?, ?> m) {
                m.forEach((name, pct) -> System.out.printf("  %5s%%  %s%n", pct, name));
            } else {
                System.out.println("  " + v);
            }
        });
    }

    /** Starts a recording of {@code seconds} on a running JVM; the file is written when it ends. */
    static void record(long pid, int seconds, Path file) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "JFR.start", "name=bench", "settings=profile",
                "duration=" + seconds + "s", "filename=" + file).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the file to be complete (JFR writes it when the recording ends), then summarises it. */
    static Map<String, Object> summarise(Path file, int top) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Object> result = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.size(file) > 0) {
                try {
                    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
                    Map<String, Integer> methods = new HashMap<>();
                    Map<String, Integer> families = new HashMap<>();
                    int samples = 0;
                    for (RecordedEvent e : events) {
                        if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
                                || e.getStackTrace().getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        RecordedFrame frame = e.getStackTrace().getFrames().get(0);
                        String type = frame.getMethod().getType().getName();
                        methods.merge(type + "." + frame.getMethod().getName(), 1, Integer::sum);
                        families.merge(family(e.getStackTrace().getFrames()), 1, Integer::sum);
                    }
                    result.put("samples", samples);
                    result.put("topMethodsPercent", topPercent(methods, samples, top));
                    result.put("topSubsystemsPercent", topPercent(families, samples, top));
                    return result;
                } catch (Exception incomplete) {
                    // still being written
                }
            }
            Thread.sleep(1000);
        }
        result.put("error", "no recording in " + file);
        return result;
    }

    /** The first frame (from the top) in a package family that names a subsystem, else the top frame's package. */
    static String family(List<RecordedFrame> frames) {
        String[] known = {"com.mongodb", "de.bwaldvogel", "org.h2", "org.postgresql", "com.zaxxer", "org.axonframework",
                "com.fasterxml.jackson", "tools.jackson", "io.netty", "reactor", "org.springframework.cloud.gateway",
                "io.github.resilience4j", "org.springframework.security", "org.springframework", "org.apache.catalina",
                "org.apache.tomcat", "org.districtops", "io.micrometer", "ch.qos.logback", "org.bson"};
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (String k : known) {
                if (type.startsWith(k)) {
                    return k;
                }
            }
        }
        String type = frames.get(0).getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot > 0 ? type.substring(0, dot) : type;
    }

    private static Map<String, Double> topPercent(Map<String, Integer> counts, int samples, int top) {
        Map<String, Double> result = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> result.put(e.getKey(), Math.round(e.getValue() * 1000.0 / Math.max(1, samples)) / 10.0));
        return result;
    }
}
