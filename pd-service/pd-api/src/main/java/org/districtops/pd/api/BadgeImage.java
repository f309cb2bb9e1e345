package org.districtops.pd.api;

/** A badge image: {@code contentType} image/svg+xml or image/png, {@code data} base64, at most 100 KB decoded. */
public record BadgeImage(String contentType, String data) {
}
