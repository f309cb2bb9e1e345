package org.districtops.kit.audit.view;

/**
 * A service's words for one event type in the audit view. Declare one bean per event type whose default summary
 * ("Plan goal added") is not enough. The public summary is shown only for event types on the service's public
 * allow-list ({@link AuditViewPolicy}) and must not name people: no names, e-mail addresses, evidence text,
 * educator or student ids.
 */
public interface AuditDescriber<E> {

    Class<E> eventType();

    /** For staff and auditors: may name what changed in detail. */
    String summary(E event);

    /** For the public; null falls back to the kit's default (the event type in words). */
    default String publicSummary(E event) {
        return null;
    }

    /** A describer from two lambdas, for services that declare many at once. */
    static <E> AuditDescriber<E> of(Class<E> type, java.util.function.Function<E, String> summary,
                                    java.util.function.Function<E, String> publicSummary) {
        return new AuditDescriber<>() {
            @Override
            public Class<E> eventType() {
                return type;
            }

            @Override
            public String summary(E event) {
                return summary.apply(event);
            }

            @Override
            public String publicSummary(E event) {
                return publicSummary == null ? null : publicSummary.apply(event);
            }
        };
    }
}
