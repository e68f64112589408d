package org.hrmobility.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.web.Page;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** My inbox: what I was told, newest first; my live stream; marking read. Nobody reads anyone else's. */
@RestController
@RequestMapping("/api/notifications")
@Validated
class NotificationController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final NotificationRepository notifications;
    private final LiveStream live;
    private final Clock clock;

    NotificationController(NotificationRepository notifications, LiveStream live, Clock clock) {
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
    }

    @GetMapping
    Mono<Page<NotificationView>> inbox(@RequestParam(defaultValue = "false") boolean unread,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        List<String> readers = Readers.keysOf(user);
        return Mono.zip(notifications.page(readers, unread, page, size).map(NotificationView::of).collectList(),
                        notifications.count(readers, unread))
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    /**
     * My new notifications as server-sent events, each with its id; a reconnecting client sends the last id it
     * saw as {@code Last-Event-ID} and first gets what it missed; when this instance's listener was away, the stream
     * catches up from the inbox by itself. A comment every 15 s keeps idle proxies open.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<NotificationView>> stream(@RequestHeader(name = "Last-Event-ID", required = false) UUID lastSeen,
                                                   CurrentUser user) {
        List<String> readers = Readers.keysOf(user);
        StreamCursor cursor = new StreamCursor(clock.instant());
        Flux<Notification> arriving = lastSeen == null ? live.of(readers) : catchUp(lastSeen, readers);
        // the listener lost its database session for a moment: what committed meanwhile raised no NOTIFY
        Flux<Notification> missedMeanwhile = live.reconnected().concatMap(back -> notifications.since(cursor.resumeFrom(), readers));
        Flux<ServerSentEvent<NotificationView>> events = Flux.merge(arriving, missedMeanwhile).filter(cursor::firstTime)
                .map(n -> ServerSentEvent.builder(NotificationView.of(n)).id(n.id().toString()).event("notification").build());
        Flux<ServerSentEvent<NotificationView>> heartbeat = Flux.interval(HEARTBEAT)
                .map(i -> ServerSentEvent.<NotificationView>builder().comment("keep-alive").build());
        // the first comment sends the headers at once, so a client knows its stream is open before anything happens
        return Flux.merge(events, heartbeat).takeUntilOther(live.closing())
                .startWith(ServerSentEvent.<NotificationView>builder().comment("open").build());
    }

    /**
     * What was missed, then what arrives: listening starts first, so nothing falls in between, nothing comes twice,
     * and the listener goes when the client does.
     */
    private Flux<Notification> catchUp(UUID lastSeen, List<String> readers) {
        return Flux.defer(() -> {
            ConnectableFlux<Notification> arriving = live.of(readers).replay(256);
            Disposable listening = arriving.connect();
            return notifications.after(lastSeen, readers).collectList()
                    .flatMapMany(missed -> {
                        Set<UUID> replayed = missed.stream().map(Notification::id).collect(Collectors.toSet());
                        return Flux.fromIterable(missed).concatWith(arriving.filter(n -> !replayed.contains(n.id())));
                    })
                    .doFinally(signal -> listening.dispose());
        });
    }

    @PostMapping("/{id}/read")
    Mono<NotificationView> markRead(@PathVariable UUID id, CurrentUser user) {
        return notifications.markRead(id, Readers.keysOf(user), clock.instant())
                .map(NotificationView::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("notification", id)));
    }
}
