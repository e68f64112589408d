package org.hrmobility.kit.deadletter;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /actuator/deadletters}: what waits in this service's dead-letter topics.
 * {@code POST /actuator/deadletters/{topic}}: replay one of them (see docs/runbooks/dead-letters.md).
 * The Kafka clients block, so the work runs off the event loop.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterReplayer replayer;

    public DeadLetterEndpoint(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @ReadOperation
    public Mono<List<DeadLetterReplayer.Waiting>> waiting() {
        return Mono.fromCallable(replayer::waiting).subscribeOn(Schedulers.boundedElastic());
    }

    @WriteOperation
    public Mono<DeadLetterReplayer.Replay> replay(@Selector String topic) {
        return Mono.fromCallable(() -> replayer.replay(topic)).subscribeOn(Schedulers.boundedElastic());
    }
}
