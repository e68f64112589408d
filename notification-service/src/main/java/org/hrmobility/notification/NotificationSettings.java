package org.hrmobility.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hrm.notification.*}: where links point, how e-mail and webhooks are sent and retried.
 *
 * @param linkBase the address people reach the suite at (the gateway); links in notifications start with it
 */
@ConfigurationProperties("hrm.notification")
public record NotificationSettings(@DefaultValue("http://localhost:8080") String linkBase,
                                   @DefaultValue Email email,
                                   @DefaultValue Webhooks webhooks) {

    /**
     * @param digestAt when the daily digest goes out, Brussels time
     */
    public record Email(@DefaultValue("hr-notifications@hrmobility.local") String from,
                        @DefaultValue("5") int maxAttempts,
                        @DefaultValue("PT30S") Duration retryAfter,
                        @DefaultValue("07:00") LocalTime digestAt) {
    }

    /**
     * @param pauseAfter            deliveries in a row that ran out of attempts before the subscription is paused
     * @param allowPrivateAddresses whether endpoints may be on loopback or private addresses: only for a local run
     *                              and tests, where the receivers run on this machine
     * @param allowedHosts          when not empty, the only hosts webhooks may go to: {@code hooks.example.org}, or
     *                              {@code *.example.org} for any subdomain of it (not the domain itself); checked when
     *                              subscribing, approving, renewing and before every delivery
     * @param lifetime              how long a subscription runs from its creation or last renewal; its owner renews it
     *                              with a fresh token, which re-checks their role and entity
     * @param secretOverlap         after a secret rotation, how long deliveries are signed with the old secret too
     * @param encryptionKeys        the keys that encrypt the signing secrets at rest: {@code id:base64key[,id:base64key]},
     *                              32-byte AES keys; the first encrypts, all decrypt. Empty: a development-only key
     */
    public record Webhooks(@DefaultValue("false") boolean allowPrivateAddresses,
                           @DefaultValue("8") int maxAttempts,
                           @DefaultValue("PT2S") Duration backoffInitial,
                           @DefaultValue("2.0") double backoffMultiplier,
                           @DefaultValue("PT10M") Duration backoffMax,
                           @DefaultValue("3") int pauseAfter,
                           @DefaultValue("PT5S") Duration timeout,
                           @DefaultValue("64") int maxInFlight,
                           @DefaultValue Breaker breaker,
                           @DefaultValue List<String> allowedHosts,
                           @DefaultValue("P90D") Duration lifetime,
                           @DefaultValue("PT24H") Duration secretOverlap,
                           @DefaultValue("") String encryptionKeys) {

        public Webhooks {
            allowedHosts = allowedHosts == null ? List.of()
                    : allowedHosts.stream().map(String::trim).filter(host -> !host.isEmpty()).toList();
            encryptionKeys = encryptionKeys == null ? "" : encryptionKeys;
        }
    }

    /** The circuit breaker of each endpoint. */
    public record Breaker(@DefaultValue("10") int window,
                          @DefaultValue("5") int minimumCalls,
                          @DefaultValue("50") float failureRatePercent,
                          @DefaultValue("PT30S") Duration openFor) {
    }
}
