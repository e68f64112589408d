package org.hrmobility.redeployment.casefile;

import java.time.Instant;
import java.util.UUID;

public record Placement(UUID offerId, boolean exOfficio, Instant at) {
}
