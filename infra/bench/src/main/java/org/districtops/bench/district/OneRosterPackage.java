package org.districtops.bench.district;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The district's schools and educators as a OneRoster 1.2 CSV package (manifest.csv, orgs.csv, users.csv), imported
 * through pd-service's {@code POST /districts/{id}/oneroster-imports}: the realistic path for people, since names
 * and emails must go to the encrypted personal-data store and never into events. Deterministic from the seed.
 */
public final class OneRosterPackage {

    private static final String[] GIVEN = {"Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines",
            "Jamal", "Kiri", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq"};
    private static final String[] FAMILY = {"Garcia", "Smith", "Nguyen", "Johnson", "Okafor", "Kim", "Patel",
            "Brown", "Lopez", "Novak", "Haddad", "Olsen", "Silva", "Tanaka", "Walker"};

    private OneRosterPackage() {
    }

    public static String schoolId(int index) {
        return String.format(Locale.ROOT, "sch-%04d", index + 1);
    }

    public static String educatorSourcedId(int index) {
        return String.format(Locale.ROOT, "edu-%06d", index + 1);
    }

    /** Same derivation as pd-service's OneRosterImport.educatorId. */
    public static String educatorId(String districtId, int index) {
        return UUID.nameUUIDFromBytes(("oneroster|" + districtId + "|" + educatorSourcedId(index))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The schools only (users absent). */
    public static byte[] schools(DistrictSize size) {
        return zip(size, 0, 0, 0, true);
    }

    /** Educators {@code from} (inclusive) to {@code to} (exclusive), schools absent: they must be imported first. */
    public static byte[] educators(DistrictSize size, long seed, int from, int to) {
        return zip(size, seed, from, to, false);
    }

    static byte[] zip(DistrictSize size, long seed, int from, int to, boolean withOrgs) {
        StringBuilder orgs = new StringBuilder("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n");
        for (int s = 0; s < size.schools; s++) {
            orgs.append(schoolId(s)).append(",active,2025-08-01T00:00:00Z,")
                    .append(s % 3 == 0 ? "Elementary" : s % 3 == 1 ? "Middle" : "High").append(" School ")
                    .append(s + 1).append(",school,").append(String.format(Locale.ROOT, "%06d", 100_000 + s)).append(",\n");
        }
        StringBuilder users = new StringBuilder("sourcedId,status,enabledUser,givenName,familyName,email,role,orgSourcedIds\n");
        for (int e = from; e < to; e++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + e); // any slice gives the same rows
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String orgsOf = schoolId(e % size.schools) + (e % 7 == 0 ? "," + schoolId((e + 1) % size.schools) : "");
            users.append(educatorSourcedId(e)).append(",active,true,").append(given).append(',').append(family).append(',')
                    .append(given.toLowerCase(Locale.ROOT)).append('.').append(family.toLowerCase(Locale.ROOT)).append(e + 1)
                    .append("@schools.example.org,teacher,\"").append(orgsOf).append("\"\n");
        }
        String manifest = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,"
                + (withOrgs ? "bulk" : "absent") + "\nfile.users," + (withOrgs ? "absent" : "delta")
                + "\nfile.roles,absent\nsource.systemName,bench district generator\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String[][] files = withOrgs ? new String[][]{{"manifest.csv", manifest}, {"orgs.csv", orgs.toString()}}
                    : new String[][]{{"manifest.csv", manifest}, {"users.csv", users.toString()}};
            for (String[] file : files) {
                ZipEntry entry = new ZipEntry(file[0]);
                entry.setTime(0); // same bytes for the same seed
                zip.putNextEntry(entry);
                zip.write(file[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
