package org.hrmobility.websecurity;

import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The identity provider's JWK set, fetched from its URL and held to the letter, in place of Spring Security's remote
 * key source (which keeps the first set for ever and fetches it again for every token whose key id it does not
 * know, so forged tokens with random key ids make each entry point call the identity provider once per request).
 * <ul>
 * <li>Refreshed every {@code refreshEvery} once first used: a key removed from the set stops verifying tokens at
 * the next refresh, and the listeners ({@link VerifiedTokens#forgetKeys}) drop what they remembered of it.</li>
 * <li>A key id not in the set fetches the set again (a rotation), but at most once per {@code unknownKeyEvery},
 * however many tokens name unknown keys; concurrent requests share one fetch.</li>
 * <li>A failed fetch keeps the set known so far (the identity provider briefly away does not refuse every
 * caller), is logged, and is tried again at the next occasion.</li>
 * </ul>
 */
public final class RemoteJwkSet implements Function<SignedJWT, Flux<JWK>>, AutoCloseable {

    private static final Log LOG = LogFactory.getLog(RemoteJwkSet.class);
    /** While no set was ever fetched, a request tries again at most this often. */
    private static final long FIRST_FETCH_RETRY = TimeUnit.SECONDS.toNanos(1);

    private final String uri;
    private final WebClient client;
    private final long refreshNanos;
    private final long unknownKeyNanos;
    private final Duration timeout;
    private final LongSupplier nanoTime;

    private final AtomicReference<JWKSet> current = new AtomicReference<>();
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
    private final AtomicLong lastFetchStarted;
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong lastFailure;
    private final List<Consumer<Set<String>>> removalListeners = new CopyOnWriteArrayList<>();
    private volatile Disposable schedule;
    private volatile boolean closed;

    public RemoteJwkSet(String uri, Duration refreshEvery, Duration unknownKeyEvery, Duration timeout) {
        this(uri, WebClient.create(), refreshEvery, unknownKeyEvery, timeout, System::nanoTime);
    }

    RemoteJwkSet(String uri, WebClient client, Duration refreshEvery, Duration unknownKeyEvery, Duration timeout, LongSupplier nanoTime) {
        if (refreshEvery.isNegative() || refreshEvery.isZero() || unknownKeyEvery.isNegative()) {
            throw new IllegalArgumentException("The JWK set's refresh interval must be positive, its unknown-key interval not negative");
        }
        this.uri = uri;
        this.client = client;
        this.refreshNanos = refreshEvery.toNanos();
        this.unknownKeyNanos = unknownKeyEvery.toNanos();
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.lastFetchStarted = new AtomicLong(nanoTime.getAsLong() - TimeUnit.DAYS.toNanos(1));
        this.lastFailure = new AtomicLong(nanoTime.getAsLong() - TimeUnit.DAYS.toNanos(1));
    }

    /** The keys that may have signed this token (its {@code kid}, {@code alg}); none when no key of the set fits. */
    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
        if (matcher == null) {
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(matcher);
        return keys().flatMapMany(set -> {
            List<JWK> found = selector.select(set);
            if (!found.isEmpty()) {
                return Flux.fromIterable(found);
            }
            return fetchForUnknownKey().flatMapIterable(selector::select);
        });
    }

    /** Called with the key ids ({@code ""} for a key without one) each refresh removed from the set. */
    public void onKeysRemoved(Consumer<Set<String>> listener) {
        removalListeners.add(listener);
    }

    /** How many times the set was requested from the identity provider (tests, metrics). */
    public long fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        closed = true;
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
    }

    private Mono<JWKSet> keys() {
        JWKSet known = current.get();
        if (known != null) {
            return Mono.just(known);
        }
        // concurrent first requests share one fetch (fetch() starts it atomically); only after a failure does a
        // request wait for the retry interval instead of calling the identity provider again
        if (inFlight.get() == null && nanoTime.getAsLong() - lastFailure.get() < FIRST_FETCH_RETRY) {
            return Mono.error(unavailable(null));
        }
        return fetch().onErrorMap(e -> !(e instanceof KeysUnavailable), RemoteJwkSet.this::unavailable);
    }

    private KeysUnavailable unavailable(Throwable cause) {
        return new KeysUnavailable("The JWK set at " + uri + " could not be fetched; trying again shortly", cause);
    }

    /**
     * No key set is known yet and the identity provider cannot be reached: tokens cannot be verified for now (a 503
     * to the caller, not a refusal of the token and not a bug).
     */
    public static final class KeysUnavailable extends AuthenticationServiceException {
        KeysUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A token names a key the set does not have: fetch the set again, unless that was done within the interval. */
    private Mono<JWKSet> fetchForUnknownKey() {
        Mono<JWKSet> running = inFlight.get();
        if (running != null) {
            return running.onErrorResume(e -> Mono.empty());
        }
        if (!mayStart(unknownKeyNanos)) {
            return Mono.empty();
        }
        return fetch().onErrorResume(e -> Mono.empty());
    }

    private boolean mayStart(long intervalNanos) {
        long now = nanoTime.getAsLong();
        long last = lastFetchStarted.get();
        return now - last >= intervalNanos && lastFetchStarted.compareAndSet(last, now);
    }

    /** One fetch at a time: a caller arriving while one runs shares its answer. */
    private Mono<JWKSet> fetch() {
        while (true) {
            Mono<JWKSet> running = inFlight.get();
            if (running != null) {
                return running;
            }
            AtomicReference<Mono<JWKSet>> self = new AtomicReference<>();
            Mono<JWKSet> created = Mono.defer(() -> {
                        fetches.incrementAndGet();
                        lastFetchStarted.set(nanoTime.getAsLong());
                        return client.get().uri(uri).retrieve().bodyToMono(String.class);
                    })
                    .timeout(timeout)
                    .map(RemoteJwkSet::parse)
                    .doOnNext(this::install)
                    .doOnError(e -> lastFailure.set(nanoTime.getAsLong()))
                    .doOnError(e -> LOG.warn("The JWK set at " + uri + " could not be fetched (" + e + "); the keys known so far still apply"))
                    .doFinally(signal -> inFlight.compareAndSet(self.get(), null))
                    .cache();
            self.set(created);
            if (inFlight.compareAndSet(null, created)) {
                return created;
            }
        }
    }

    private void install(JWKSet fetched) {
        JWKSet previous = current.getAndSet(fetched);
        if (previous != null) {
            Set<String> removed = new LinkedHashSet<>();
            for (JWK key : previous.getKeys()) {
                if (!fetched.getKeys().contains(key)) {
                    removed.add(key.getKeyID() == null ? "" : key.getKeyID());
                }
            }
            if (!removed.isEmpty()) {
                LOG.info("Keys " + removed + " were removed from the JWK set at " + uri + "; tokens they signed are no longer accepted");
                removalListeners.forEach(listener -> listener.accept(Set.copyOf(removed)));
            }
        }
        scheduleRefresh();
    }

    private void scheduleRefresh() {
        if (schedule != null || closed) {
            return;
        }
        synchronized (this) {
            if (schedule == null && !closed) {
                schedule = Schedulers.parallel().schedulePeriodically(
                        () -> fetch().subscribe(set -> { }, e -> { }), refreshNanos, refreshNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("Not a JWK set: " + e.getMessage(), e);
        }
    }
}
