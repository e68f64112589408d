package org.hrmobility.kit.store;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of stored aggregate documents: not the mapping of events ({@code EventJson}), because a document changes
 * with the code that keeps it and carries a schema version of its own. Readers tolerate fields they do not know
 * (a newer release may have added one); an older schema version is upcast before it is read.
 */
public final class DocumentJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private DocumentJson() {
    }

    public static byte[] write(Object document) {
        return MAPPER.writeValueAsBytes(document);
    }

    /** Reads a document of the current schema version. */
    public static <T> T read(byte[] json, Class<T> type) {
        return read(json, 1, 1, Map.of(), type);
    }

    /** Reads a document stored at {@code storedVersion}, upcasting it to {@code currentVersion} first. */
    static <T> T read(byte[] json, int storedVersion, int currentVersion, Map<Integer, Upcaster> upcasters, Class<T> type) {
        try {
            if (storedVersion == currentVersion) {
                return MAPPER.readValue(json, type);
            }
            if (storedVersion > currentVersion) {
                throw new IllegalStateException(type.getSimpleName() + " document of schema version " + storedVersion
                        + " is newer than this release reads (" + currentVersion + ")");
            }
            JsonNode node = MAPPER.readTree(json);
            ObjectNode document = (ObjectNode) node;
            for (int version = storedVersion; version < currentVersion; version++) {
                Upcaster upcaster = upcasters.get(version);
                if (upcaster == null) {
                    throw new IllegalStateException("no upcaster of " + type.getSimpleName() + " from schema version " + version);
                }
                document = upcaster.upcast(document);
            }
            return MAPPER.treeToValue(document, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
