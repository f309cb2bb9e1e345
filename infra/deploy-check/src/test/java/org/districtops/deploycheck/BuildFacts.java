package org.districtops.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the build produces and what the services read, taken from the repository itself: the modules that build
 * a container image (jib.skip false), the image name the images profile gives them, and the DOP_* environment
 * variables their configuration (and that of the platform modules they depend on) refers to, with defaults.
 */
final class BuildFacts {

    static final Path ROOT = findRoot();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{(DOP_[A-Z0-9_]+)(:([^}]*))?}");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<groupId>org\\.districtops</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    /** An image-building module: its artifact id, the image the build gives it, and the variables it reads. */
    record ImageModule(String artifactId, Path dir, String image, Map<String, Optional<String>> variables) {

        /** Variables without a default, or whose default points at this machine: a container must set them. */
        List<String> mustBeSet() {
            List<String> names = new ArrayList<>();
            variables.forEach((name, def) -> {
                if (def.isEmpty() || def.get().contains("localhost") || def.get().contains("127.0.0.1")) {
                    names.add(name);
                }
            });
            return names;
        }
    }

    private BuildFacts() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/deploy-check/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found");
        }
        return dir;
    }

    static String version() {
        Matcher m = Pattern.compile("<artifactId>dop-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(ROOT.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no project version in pom.xml");
        }
        return m.group(1);
    }

    /** artifactId to module directory, for every module of the parent pom. */
    static Map<String, Path> modules() {
        Map<String, Path> modules = new LinkedHashMap<>();
        Matcher m = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (m.find()) {
            Path dir = ROOT.resolve(m.group(1));
            modules.put(artifactId(dir), dir);
        }
        return modules;
    }

    static Map<String, ImageModule> imageModules() {
        Map<String, Path> modules = modules();
        Map<String, ImageModule> images = new LinkedHashMap<>();
        modules.forEach((artifactId, dir) -> {
            String pom = read(dir.resolve("pom.xml"));
            if (pom.contains("<jib.skip>false</jib.skip>")) {
                Map<String, Optional<String>> variables = new LinkedHashMap<>();
                collectVariables(dir, variables);
                Matcher dep = DEPENDENCY.matcher(pom);
                while (dep.find()) {
                    Path depDir = modules.get(dep.group(1));
                    if (depDir != null) {
                        collectVariables(depDir, variables);
                    }
                }
                images.put(artifactId, new ImageModule(artifactId, dir,
                        "districtops/" + artifactId + ":" + version(), variables));
            }
        });
        return images;
    }

    /** Server port and context path a module serves on by default (its application.yml). */
    static int defaultPort(ImageModule module) {
        Matcher m = Pattern.compile("port: \\$\\{DOP_[A-Z_]+:(?:\\$\\{PORT:)?(\\d+)").matcher(applicationYml(module));
        if (!m.find()) {
            throw new IllegalStateException("no server.port in " + module.dir());
        }
        return Integer.parseInt(m.group(1));
    }

    /** Where the module's actuator listens: its management port when it has its own, else its server port. */
    static int metricsPort(ImageModule module) {
        Matcher m = Pattern.compile("management:\\s+(?:#[^\\n]*\\s+)*server:\\s+port: \\$\\{DOP_[A-Z_]+:(\\d+)")
                .matcher(applicationYml(module));
        return m.find() ? Integer.parseInt(m.group(1)) : defaultPort(module);
    }

    static String contextPath(ImageModule module) {
        Matcher m = Pattern.compile("context-path: (\\S+)").matcher(applicationYml(module));
        return m.find() ? m.group(1) : "";
    }

    private static String applicationYml(ImageModule module) {
        return read(module.dir().resolve("src/main/resources/application.yml"));
    }

    private static void collectVariables(Path moduleDir, Map<String, Optional<String>> variables) {
        Path resources = moduleDir.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")
                    || f.toString().endsWith(".properties")).toList()) {
                Matcher m = ENV_REF.matcher(read(file));
                while (m.find()) {
                    Optional<String> def = m.group(2) == null ? Optional.empty() : Optional.of(m.group(3));
                    variables.merge(m.group(1), def, (a, b) -> a.isPresent() ? a : b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String artifactId(Path moduleDir) {
        String pom = read(moduleDir.resolve("pom.xml"));
        String afterParent = pom.substring(pom.indexOf("</parent>"));
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
        if (!m.find()) {
            throw new IllegalStateException("no artifactId in " + moduleDir);
        }
        return m.group(1);
    }

    /** A public image pinned to a version: a tag that is not "latest" and names a version (or a digest). */
    static boolean pinnedPublicImage(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash + 1) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.equals("latest") && tag.matches(".*\\d+\\.\\d+.*");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
