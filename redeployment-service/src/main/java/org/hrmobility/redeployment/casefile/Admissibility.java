package org.hrmobility.redeployment.casefile;

import java.time.Instant;

public record Admissibility(boolean redeployable, String motivation, Instant decidedAt) {
}
