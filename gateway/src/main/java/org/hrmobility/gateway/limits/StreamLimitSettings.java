package org.hrmobility.gateway.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hrm.gateway.streams.*}: the live streams a person may hold open at once through this gateway instance.
 *
 * @param maxPerPerson open streams per token subject ({@code HRM_GATEWAY_STREAMS_MAXPERPERSON})
 * @param paths        the paths of live streams (server-sent events) ({@code HRM_GATEWAY_STREAMS_PATHS})
 */
@ConfigurationProperties("hrm.gateway.streams")
public record StreamLimitSettings(@DefaultValue("5") int maxPerPerson,
                                  @DefaultValue("/api/notifications/stream") List<String> paths) {

    public StreamLimitSettings {
        paths = List.copyOf(paths);
        if (maxPerPerson < 1) {
            throw new IllegalArgumentException("hrm.gateway.streams.max-per-person must be positive");
        }
    }
}
