package org.districtops.kit.audit.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Looks up the service's {@link AuditDescriber} for an event, or words the event type itself. */
public class AuditSummaries {

    private final Map<Class<?>, AuditDescriber<?>> describers = new HashMap<>();

    public AuditSummaries(List<AuditDescriber<?>> describers) {
        for (AuditDescriber<?> d : describers) {
            if (this.describers.put(d.eventType(), d) != null) {
                throw new IllegalStateException("Two audit describers for " + d.eventType().getName());
            }
        }
    }

    public String summary(Object event, String aggregateType, String aggregateId) {
        AuditDescriber<Object> describer = describer(event);
        String text = describer == null ? null : describer.summary(event);
        if (text != null) {
            return text;
        }
        return words(event.getClass().getSimpleName())
                + (aggregateType == null ? "" : " (" + words(aggregateType).toLowerCase(java.util.Locale.ROOT) + " " + aggregateId + ")");
    }

    public String publicSummary(Object event) {
        AuditDescriber<Object> describer = describer(event);
        String text = describer == null ? null : describer.publicSummary(event);
        return text != null ? text : words(event.getClass().getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private AuditDescriber<Object> describer(Object event) {
        return (AuditDescriber<Object>) describers.get(event.getClass());
    }

    /** "MeasureTargetChanged" becomes "Measure target changed". */
    static String words(String camelCase) {
        StringBuilder out = new StringBuilder(camelCase.length() + 8);
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(camelCase.charAt(i - 1))) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
