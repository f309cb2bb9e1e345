package org.districtops.pd.api;

/** Evidence of the PD done: a link (http/https), a text, or both. */
public record Evidence(String url, String text) {
}
