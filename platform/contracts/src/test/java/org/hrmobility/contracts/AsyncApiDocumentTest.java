package org.hrmobility.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/asyncapi.yaml lists every event type of the catalog, on its topic: the document stays true to the code. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("../../docs/asyncapi.yaml");

    static Iterable<EventType<?>> allTypes() {
        return EventCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    @DisplayName("every event type is a message of the AsyncAPI document and its topic a channel")
    void listed(EventType<?> type) throws IOException {
        String document = Files.readString(DOCUMENT);

        assertThat(document).contains("name: " + type.ceType());
        assertThat(document).contains("address: " + type.topic());
    }
}
