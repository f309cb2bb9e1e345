package org.districtops.kit.audit.view;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a service's event types the public may see (an explicit allow-list: decisions, adoptions, target
 * changes, approvals), and which only auditors may see (restricted: events about individual people). Every other
 * event type is visible to the service's staff roles. A service declares one bean; without it nothing is public.
 *
 * @param publicEventTypes     event classes shown, redacted, on the public audit feed
 * @param restrictedEventTypes event classes only the auditor role sees
 */
public record AuditViewPolicy(Set<Class<?>> publicEventTypes, Set<Class<?>> restrictedEventTypes) {

    public AuditViewPolicy {
        publicEventTypes = Set.copyOf(publicEventTypes);
        restrictedEventTypes = Set.copyOf(restrictedEventTypes);
        if (publicEventTypes.stream().anyMatch(restrictedEventTypes::contains)) {
            throw new IllegalArgumentException("An event type cannot be both public and restricted");
        }
    }

    public static AuditViewPolicy nothingPublic() {
        return new AuditViewPolicy(Set.of(), Set.of());
    }

    public boolean isPublic(Class<?> type) {
        return publicEventTypes.contains(type);
    }

    public boolean isRestricted(Class<?> type) {
        return restrictedEventTypes.contains(type);
    }

    /** Simple names, for the docs and the OpenAPI description. */
    public Set<String> publicEventNames() {
        return publicEventTypes.stream().map(Class::getSimpleName).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
