package org.districtops.kit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of a service's read side (MongoDB).
 *
 * @param database                     the service's own Mongo database
 * @param version                      bump when a projection's shape changes: the read side is then rebuilt
 * @param rebuildAfterUncleanShutdown  rebuild from the event store when the last run did not stop cleanly;
 *                                     on for the embedded Mongo server, which can lose its last writes
 */
@ConfigurationProperties("dop.read-side")
public record ReadSideProperties(String database, Integer version, Boolean rebuildAfterUncleanShutdown) {

    public ReadSideProperties {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("dop.read-side.database must be set");
        }
        version = version == null ? 1 : version;
        rebuildAfterUncleanShutdown = rebuildAfterUncleanShutdown != null && rebuildAfterUncleanShutdown;
    }
}
