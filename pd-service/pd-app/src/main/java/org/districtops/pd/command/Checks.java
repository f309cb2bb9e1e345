package org.districtops.pd.command;

import org.districtops.kit.errors.InputChecks;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.pd.api.BadgeImage;
import org.districtops.pd.api.BadgeTerms;
import org.districtops.pd.api.Evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Input rules applied before anything is recorded; each failure names the field. */
public final class Checks extends InputChecks {

    /** Largest accepted badge image, decoded. */
    public static final int MAX_IMAGE_BYTES = 100 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Checks() {
    }

    static List<String> ids(String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new InvalidInputException(field, "at most " + max + " entries");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            text(field + "[" + i + "]", values.get(i), 100);
            if (!seen.add(values.get(i).strip())) {
                throw new InvalidInputException(field + "[" + i + "]", "is listed twice");
            }
        }
        return values.stream().map(String::strip).toList();
    }

    /** Validates and normalises a badge's terms. */
    static BadgeTerms terms(String badgeId, BadgeTerms t) {
        required("terms", t);
        text("name", t.name(), 200);
        text("description", t.description(), 2000);
        text("criteria", t.criteria(), 4000);
        image(t.image());
        List<String> competencies = ids("competencies", t.competencies(), 20);
        List<String> goalIds = ids("goalIds", t.goalIds(), 10);
        if (!Double.isFinite(t.pdHours()) || t.pdHours() < 0 || t.pdHours() > 1000) {
            throw new InvalidInputException("pdHours", "must be between 0 and 1000");
        }
        if (t.validityDays() != null && (t.validityDays() < 1 || t.validityDays() > 3650)) {
            throw new InvalidInputException("validityDays", "must be between 1 and 3650 days, or absent for no expiry");
        }
        List<String> required = ids("requiredBadgeIds", t.requiredBadgeIds(), 20);
        if (required.contains(badgeId)) {
            throw new InvalidInputException("requiredBadgeIds", "a badge cannot require itself");
        }
        return new BadgeTerms(t.name().strip(), t.description().strip(), t.criteria().strip(), t.image(),
                competencies, goalIds, t.pdHours(), t.validityDays(), t.evidenceRequired(), required);
    }

    /** PNG (by its signature) or SVG (an svg root, no scripts), base64, at most 100 KB. */
    static void image(BadgeImage image) {
        if (image == null) {
            return;
        }
        required("image.contentType", image.contentType());
        text("image.data", image.data(), MAX_IMAGE_BYTES * 2);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(image.data().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("image.data", "must be base64");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new InvalidInputException("image.data", "must be at most " + MAX_IMAGE_BYTES / 1024 + " KB");
        }
        switch (image.contentType()) {
            case "image/png" -> {
                if (bytes.length < PNG_MAGIC.length || !java.util.Arrays.equals(bytes, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
                    throw new InvalidInputException("image.data", "is not a PNG image");
                }
            }
            case "image/svg+xml" -> {
                String svg = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                if (!svg.contains("<svg")) {
                    throw new InvalidInputException("image.data", "is not an SVG image");
                }
                if (svg.contains("<script") || svg.contains("javascript:") || svg.matches("(?s).*\\son[a-z]+\\s*=.*")) {
                    throw new InvalidInputException("image.data", "SVG images may not contain scripts or event handlers");
                }
            }
            default -> throw new InvalidInputException("image.contentType", "must be image/png or image/svg+xml");
        }
    }

    /** Evidence, when given, has a link (http or https) or a text. */
    static Evidence evidence(Evidence e, boolean required) {
        boolean empty = e == null || (isBlank(e.url()) && isBlank(e.text()));
        if (empty) {
            if (required) {
                throw new InvalidInputException("evidence", "this badge requires evidence: a link or a text");
            }
            return null;
        }
        String url = isBlank(e.url()) ? null : e.url().strip();
        if (url != null && (url.length() > 2000 || !url.matches("(?i)https?://\\S+"))) {
            throw new InvalidInputException("evidence.url", "must be an http(s) link of at most 2000 characters");
        }
        optionalText("evidence.text", e.text(), 4000);
        return new Evidence(url, isBlank(e.text()) ? null : e.text().strip());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
