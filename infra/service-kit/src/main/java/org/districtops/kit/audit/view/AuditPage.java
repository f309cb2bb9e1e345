package org.districtops.kit.audit.view;

import java.util.List;

/** One page of audit entries, newest first. */
public record AuditPage<T>(List<T> entries, int page, int size, long total) {
}
