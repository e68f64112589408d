package org.hrmobility.gateway.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hrmobility.gateway.GatewaySettings;
import org.hrmobility.websecurity.problem.Problem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * R-PRV-1: {@code /api/privacy/subject-access/{employeeId}} answers a data subject's request with one bundle: every
 * service's part, asked with the caller's own token (each service checks HR and records the export in its history).
 * All parts or none: a service that cannot answer makes the whole answer 503, never an export that looks complete.
 */
@RestController
class SubjectAccessController {

    /** Each service and where its part is. */
    static final Map<String, String> PARTS = Map.of(
            "redeployment", "/api/redeployment/privacy/subject-access/",
            "evaluation", "/api/evaluations/privacy/subject-access/",
            "mobility", "/api/mobility/privacy/subject-access/",
            "notification", "/api/notifications/privacy/subject-access/");

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final GatewaySettings settings;
    private final WebClient client;

    SubjectAccessController(GatewaySettings settings) {
        this.settings = settings;
        this.client = WebClient.builder().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    @GetMapping("/api/privacy/subject-access/{employeeId}")
    Mono<ResponseEntity<Map<String, Object>>> export(@PathVariable String employeeId,
                                                     @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                                     @AuthenticationPrincipal Jwt caller) {
        String instance = "/api/privacy/subject-access/" + employeeId;
        return bundle(employeeId, authorization, caller).map(ResponseEntity::ok)
                .onErrorResume(Refused.class, r -> Mono.just(ResponseEntity.status(r.problem.status())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(r.problem.body(instance))));
    }

    /** A part that could not be had, as the problem the whole answer is. */
    static final class Refused extends RuntimeException {
        final Problem problem;

        Refused(Problem problem, Throwable cause) {
            super(problem.detail(), cause);
            this.problem = problem;
        }
    }

    private Mono<Map<String, Object>> bundle(String employeeId, String authorization, Jwt caller) {
        return Flux.fromIterable(List.of("redeployment", "evaluation", "mobility", "notification"))
                .flatMapSequential(service -> part(service, employeeId, authorization).map(part -> Map.entry(service, part)))
                .collectList()
                .map(parts -> {
                    Map<String, Object> bundle = new LinkedHashMap<>();
                    bundle.put("employeeId", employeeId);
                    bundle.put("exportedAt", Instant.now().toString());
                    bundle.put("exportedBy", caller.getSubject());
                    Map<String, Object> services = new LinkedHashMap<>();
                    parts.forEach(p -> services.put(p.getKey(), p.getValue()));
                    bundle.put("services", services);
                    return bundle;
                });
    }

    private Mono<Map<String, Object>> part(String service, String employeeId, String authorization) {
        String base = settings.services().get(service);
        return client.get().uri(base + PARTS.get(service) + "{id}", employeeId).header(HttpHeaders.AUTHORIZATION, authorization)
                .retrieve().bodyToMono(JSON_OBJECT)
                .timeout(settings.responseTimeout())
                .onErrorMap(e -> refused(service, e));
    }

    /** A service's own refusal (403 for a non-HR caller) passes on; anything else makes the export unavailable. */
    private static Refused refused(String service, Throwable e) {
        if (e instanceof WebClientResponseException response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return new Refused(Problem.of(status, status == HttpStatus.FORBIDDEN ? "subject-access-hr-only" : "subject-access-refused",
                    status.getReasonPhrase(), "The " + service + " service refused the export (" + status.value() + ")."), e);
        }
        return new Refused(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "subject-access-unavailable", "Export unavailable",
                "The " + service + " service cannot give its part now; a partial export is never answered. Retry shortly."), e);
    }
}
