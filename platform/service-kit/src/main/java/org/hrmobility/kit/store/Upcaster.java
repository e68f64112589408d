package org.hrmobility.kit.store;

import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a stored document of one schema version into the next, so a document written by an older release reads
 * as today's record. Registered per version on the {@link AggregateType}; applied in order on read, never written
 * back until the aggregate is saved again.
 */
@FunctionalInterface
public interface Upcaster {

    ObjectNode upcast(ObjectNode document);
}
