package org.districtops.pd.roster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.EducatorRef;
import org.districtops.pd.api.RegisterEducator;
import org.districtops.pd.api.RegisterSchool;
import org.districtops.pd.api.SchoolRef;
import org.districtops.pd.personal.PersonalDataStore;
import org.districtops.pd.query.EducatorProjection;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Imports a OneRoster 1.2 CSV package (zip with manifest.csv, orgs.csv, users.csv and optionally roles.csv):
 * orgs of type {@code school} become schools, users with the role {@code teacher} become educators. Bulk and
 * delta packages are read the same way (a row is an upsert; rows marked {@code tobedeleted} are skipped and
 * reported). Each educator's id is derived from the district and the user's sourcedId, so re-importing a file
 * changes nothing and a changed row updates the educator instead of duplicating it. Names and emails go to
 * the encrypted personal-data store only, and only when they changed.
 */
@Component
public class OneRosterImport {

    /** One rejected row: file, line, field and why. */
    public record Rejection(String file, long line, String field, String reason) {
    }

    /** What an import did. */
    public record Report(Map<String, String> modes, int schoolsAccepted, int educatorsAccepted, int educatorsCreated,
                         int educatorsUpdated, int educatorsUnchanged, int skipped, List<Rejection> rejected) {
    }

    static final int MAX_ZIP_BYTES = 20 * 1024 * 1024;
    private static final Set<String> ORG_TYPES = Set.of("department", "school", "district", "local", "state", "national");

    private final CommandSender commands;
    private final PersonalDataStore personalData;
    private final EducatorProjection roster;

    public OneRosterImport(CommandSender commands, PersonalDataStore personalData, EducatorProjection roster) {
        this.commands = commands;
        this.personalData = personalData;
        this.roster = roster;
    }

    public static String educatorId(String districtId, String sourcedId) {
        return UUID.nameUUIDFromBytes(("oneroster|" + districtId + "|" + sourcedId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Report importZip(String districtId, byte[] zip, Actor actor) {
        Map<String, byte[]> files = unzip(zip);
        if (!files.containsKey("manifest.csv")) {
            throw new InvalidInputException("file", "the package has no manifest.csv");
        }
        Map<String, String> manifest = new HashMap<>();
        for (CSVRecord r : parse(files.get("manifest.csv"), "manifest.csv", List.of("propertyName", "value"))) {
            manifest.put(r.get("propertyName").strip(), r.get("value").strip());
        }
        String version = manifest.get("oneroster.version");
        if (version == null || !version.startsWith("1.")) {
            throw new InvalidInputException("manifest.csv", "oneroster.version must be 1.x (1.2 expected), was " + version);
        }
        Map<String, String> modes = new LinkedHashMap<>();
        for (String file : List.of("orgs", "users", "roles")) {
            String mode = manifest.getOrDefault("file." + file, "absent");
            if (!Set.of("bulk", "delta", "absent").contains(mode)) {
                throw new InvalidInputException("manifest.csv", "file." + file + " must be bulk, delta or absent");
            }
            if (!"absent".equals(mode) && !files.containsKey(file + ".csv")) {
                throw new InvalidInputException("file", "the manifest lists " + file + ".csv but the package has none");
            }
            modes.put(file, mode);
        }
        List<Rejection> rejected = new ArrayList<>();
        int skipped = 0;

        // schools
        Set<String> schools = new HashSet<>();
        roster.schools(districtId).forEach(s -> schools.add(s.schoolId));
        int schoolsAccepted = 0;
        if (!"absent".equals(modes.get("orgs"))) {
            for (CSVRecord r : parse(files.get("orgs.csv"), "orgs.csv", List.of("sourcedId", "name", "type"))) {
                long line = r.getRecordNumber() + 1;
                String sourcedId = r.get("sourcedId").strip();
                String type = r.get("type").strip();
                if (r.isMapped("status") && "tobedeleted".equalsIgnoreCase(r.get("status").strip())) {
                    skipped++;
                    continue;
                }
                if (sourcedId.isEmpty() || !sourcedId.matches("[A-Za-z0-9._:-]{1,100}")) {
                    rejected.add(new Rejection("orgs.csv", line, "sourcedId", "must be 1-100 letters, digits or . _ : -"));
                } else if (!ORG_TYPES.contains(type)) {
                    rejected.add(new Rejection("orgs.csv", line, "type", "unknown org type '" + type + "'"));
                } else if (!"school".equals(type)) {
                    skipped++;
                } else if (r.get("name").isBlank()) {
                    rejected.add(new Rejection("orgs.csv", line, "name", "must not be blank"));
                } else {
                    try {
                        commands.send(new RegisterSchool(new SchoolRef(districtId, sourcedId), r.get("name"),
                                r.isMapped("identifier") ? r.get("identifier") : null), actor);
                        schools.add(sourcedId);
                        schoolsAccepted++;
                    } catch (InvalidInputException e) {
                        rejected.add(new Rejection("orgs.csv", line, e.field(), e.getMessage()));
                    }
                }
            }
        }

        // roles (1.2): userSourcedId -> role and org; a users.csv 'role' column (1.1 style) is also understood
        Map<String, List<String>> teacherOrgs = new HashMap<>();
        Set<String> teachers = new HashSet<>();
        if (!"absent".equals(modes.get("roles"))) {
            for (CSVRecord r : parse(files.get("roles.csv"), "roles.csv", List.of("userSourcedId", "role", "orgSourcedId"))) {
                if ("teacher".equals(r.get("role").strip())) {
                    teachers.add(r.get("userSourcedId").strip());
                    teacherOrgs.computeIfAbsent(r.get("userSourcedId").strip(), k -> new ArrayList<>()).add(r.get("orgSourcedId").strip());
                }
            }
        }

        int accepted = 0;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        if (!"absent".equals(modes.get("users"))) {
            for (CSVRecord r : parse(files.get("users.csv"), "users.csv", List.of("sourcedId", "givenName", "familyName"))) {
                long line = r.getRecordNumber() + 1;
                String sourcedId = r.get("sourcedId").strip();
                boolean teacher = teachers.contains(sourcedId)
                        || (r.isMapped("role") && "teacher".equals(r.get("role").strip()));
                if (!teacher || (r.isMapped("status") && "tobedeleted".equalsIgnoreCase(r.get("status").strip()))) {
                    skipped++;
                    continue;
                }
                List<String> orgs = new ArrayList<>(teacherOrgs.getOrDefault(sourcedId, List.of()));
                for (String column : List.of("primaryOrgSourcedId", "orgSourcedIds")) {
                    if (r.isMapped(column) && !r.get(column).isBlank()) {
                        for (String org : r.get(column).split(",")) {
                            if (!orgs.contains(org.strip())) {
                                orgs.add(org.strip());
                            }
                        }
                    }
                }
                String email = r.isMapped("email") ? r.get("email").strip() : "";
                Rejection problem = null;
                if (sourcedId.isEmpty() || !sourcedId.matches("[A-Za-z0-9._:-]{1,100}")) {
                    problem = new Rejection("users.csv", line, "sourcedId", "must be 1-100 letters, digits or . _ : -");
                } else if (r.get("givenName").isBlank() || r.get("givenName").length() > 100) {
                    problem = new Rejection("users.csv", line, "givenName", "must be 1-100 characters");
                } else if (r.get("familyName").isBlank() || r.get("familyName").length() > 100) {
                    problem = new Rejection("users.csv", line, "familyName", "must be 1-100 characters");
                } else if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    problem = new Rejection("users.csv", line, "email", "is not an email address");
                } else if (orgs.stream().anyMatch(o -> !schools.contains(o))) {
                    problem = new Rejection("users.csv", line, "primaryOrgSourcedId",
                            "names an org that is not a known school: " + orgs.stream().filter(o -> !schools.contains(o)).toList());
                }
                if (problem != null) {
                    rejected.add(problem);
                    continue;
                }
                String educatorId = educatorId(districtId, sourcedId);
                boolean existed = roster.find(districtId, educatorId).isPresent() || personalData.readable(educatorId);
                PersonalDataStore.PersonalData data = new PersonalDataStore.PersonalData(r.get("givenName").strip(),
                        r.get("familyName").strip(), email);
                boolean dataChanged = !personalData.get(educatorId).map(data::equals).orElse(false);
                if (dataChanged) {
                    personalData.put(districtId, educatorId, data);
                }
                boolean schoolsChanged = roster.find(districtId, educatorId).map(s -> !s.schoolIds.equals(orgs)).orElse(true);
                commands.send(new RegisterEducator(new EducatorRef(districtId, educatorId), sourcedId, orgs), actor);
                accepted++;
                if (!existed) {
                    created++;
                } else if (dataChanged || schoolsChanged) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
        return new Report(modes, schoolsAccepted, accepted, created, updated, unchanged, skipped, rejected);
    }

    private static List<CSVRecord> parse(byte[] file, String name, List<String> requiredColumns) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get().parse(new InputStreamReader(new ByteArrayInputStream(stripBom(file)),
                        StandardCharsets.UTF_8))) {
            for (String column : requiredColumns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new InvalidInputException(name, "has no column " + column);
                }
            }
            return parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(name, "is not a readable CSV file: " + e.getMessage());
        }
    }

    private static byte[] stripBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
                ? java.util.Arrays.copyOfRange(b, 3, b.length) : b;
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw new InvalidInputException("file", "upload the OneRoster package as a zip file");
        }
        Map<String, byte[]> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                byte[] content = readLimited(in, MAX_ZIP_BYTES - total);
                total += content.length;
                files.put(name, content);
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "is not a zip file: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("file", "is not a zip file or is empty");
        }
        return files;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new InvalidInputException("file", "unpacks to more than " + MAX_ZIP_BYTES / (1024 * 1024) + " MB");
            }
        }
        return out.toByteArray();
    }
}
