package org.districtops.pd.credentials;

import org.districtops.kit.errors.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Bakes a signed credential (VC-JWT) into the badge image, as Open Badges 3.0 describes: an {@code iTXt} chunk
 * with keyword {@code openbadgecredential} before {@code IEND} in a PNG, or an {@code openbadges:credential}
 * element (namespace https://purl.imsglobal.org/ob/v3p0) as the first child of the root of an SVG. Also reads
 * the credential back out of a baked image.
 */
public final class BadgeBaker {

    static final String PNG_KEYWORD = "openbadgecredential";
    static final String SVG_NS = "https://purl.imsglobal.org/ob/v3p0";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SVG_CREDENTIAL = Pattern.compile(
            "<openbadges:credential>\\s*<!\\[CDATA\\[(.*?)\\]\\]>\\s*</openbadges:credential>", Pattern.DOTALL);

    private BadgeBaker() {
    }

    public static byte[] bake(String contentType, byte[] image, String jwt) {
        return switch (contentType) {
            case "image/png" -> bakePng(image, jwt);
            case "image/svg+xml" -> bakeSvg(new String(image, StandardCharsets.UTF_8), jwt).getBytes(StandardCharsets.UTF_8);
            default -> throw new InvalidInputException("image.contentType", "only PNG and SVG badges can be baked");
        };
    }

    public static Optional<String> extract(byte[] image) {
        if (image.length > PNG_SIGNATURE.length && Arrays.equals(image, 0, 8, PNG_SIGNATURE, 0, 8)) {
            int at = 8;
            while (at + 12 <= image.length) {
                int length = ByteBuffer.wrap(image, at, 4).getInt();
                String type = new String(image, at + 4, 4, StandardCharsets.US_ASCII);
                if (type.equals("iTXt")) {
                    byte[] data = Arrays.copyOfRange(image, at + 8, at + 8 + length);
                    String keyword = new String(data, 0, Math.min(PNG_KEYWORD.length(), data.length), StandardCharsets.ISO_8859_1);
                    if (keyword.equals(PNG_KEYWORD) && data.length > PNG_KEYWORD.length() + 4) {
                        // keyword \0, compression flag 0, method 0, language tag \0, translated keyword \0, text
                        int p = PNG_KEYWORD.length() + 3;
                        while (p < data.length && data[p] != 0) {
                            p++; // language tag
                        }
                        p++;
                        while (p < data.length && data[p] != 0) {
                            p++; // translated keyword
                        }
                        p++;
                        return Optional.of(new String(data, p, data.length - p, StandardCharsets.UTF_8));
                    }
                }
                at += 12 + length;
            }
            return Optional.empty();
        }
        Matcher m = SVG_CREDENTIAL.matcher(new String(image, StandardCharsets.UTF_8));
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    static String bakeSvg(String svg, String jwt) {
        Matcher root = SVG_ROOT.matcher(svg);
        if (!root.find()) {
            throw new InvalidInputException("image", "the badge image has no svg root");
        }
        String open = root.group();
        String withNs = open.contains("xmlns:openbadges") ? open
                : open.substring(0, open.length() - (open.endsWith("/>") ? 2 : 1)) + " xmlns:openbadges=\"" + SVG_NS + "\""
                + (open.endsWith("/>") ? ">" : ">");
        String element = "<openbadges:credential><![CDATA[" + jwt + "]]></openbadges:credential>";
        String rest = svg.substring(root.end());
        if (open.endsWith("/>")) {
            rest = "</svg>" + rest;
        }
        return svg.substring(0, root.start()) + withNs + element + rest;
    }

    static byte[] bakePng(byte[] png, String jwt) {
        if (png.length < 20 || !Arrays.equals(png, 0, 8, PNG_SIGNATURE, 0, 8)) {
            throw new InvalidInputException("image", "the badge image is not a PNG");
        }
        int at = 8;
        while (at + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IEND")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(png, 0, at);
                out.writeBytes(chunk("iTXt", itxt(jwt)));
                out.write(png, at, png.length - at);
                return out.toByteArray();
            }
            at += 12 + length;
        }
        throw new InvalidInputException("image", "the PNG has no IEND chunk");
    }

    private static byte[] itxt(String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(PNG_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // end of keyword
        data.write(0); // not compressed
        data.write(0); // compression method
        data.write(0); // empty language tag
        data.write(0); // empty translated keyword
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }
}
