package org.hrmobility.redeployment.vacancy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** For recruitment systems (role RECRUITMENT_SYSTEM) and HR case handlers. */
@RestController
@RequestMapping("/api/redeployment/vacancies")
@Validated
class VacancyController {

    record PublishVacancy(@NotBlank @Size(max = 100) String vacancyId, @Size(max = 100) String recruitmentSystem,
                          @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 64) String entity,
                          @NotBlank @Pattern(regexp = "[NABCD][0-9]{0,2}") String grade, @Size(max = 100) String jobFamily,
                          @Size(max = 50) List<@NotBlank @Size(max = 100) String> competences, LocalDate closesOn) {
    }

    private final VacancyService vacancies;

    VacancyController(VacancyService vacancies) {
        this.vacancies = vacancies;
    }

    /** Idempotent on the recruitment system's own vacancy id: 201 the first time, 200 with the same vacancy after. */
    @PostMapping
    Mono<ResponseEntity<Vacancy>> publish(@Valid @RequestBody PublishVacancy request, CurrentUser user) {
        requireRecruitmentOrCaseHandler(user);
        String system = user.has(Role.RECRUITMENT_SYSTEM) ? user.subject() : request.recruitmentSystem();
        if (system == null || system.isBlank()) {
            return Mono.error(new BadRequestException("recruitment-system-required",
                    "Recruitment system required", "A case handler publishing a vacancy names the recruitment system."));
        }
        VacancyPublished published = new VacancyPublished(request.vacancyId(), system, request.title(), request.entity(),
                request.grade(), request.jobFamily(), request.competences(), request.closesOn());
        return vacancies.publish(published, user).map(p -> p.created()
                ? ResponseEntity.created(URI.create("/api/redeployment/vacancies/" + p.vacancy().value().vacancyId()))
                        .body(p.vacancy().value())
                : ResponseEntity.ok(p.vacancy().value()));
    }

    @GetMapping
    Mono<Page<Vacancy>> list(@RequestParam(required = false) Vacancy.VacancyStatus status,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, CurrentUser user) {
        requireRecruitmentOrCaseHandler(user);
        return vacancies.list(status, user, page, size).map(p -> p.map(Stored::value));
    }

    @GetMapping("/{vacancyId}")
    Mono<Vacancy> get(@PathVariable String vacancyId, CurrentUser user) {
        requireRecruitmentOrCaseHandler(user);
        return vacancies.visible(vacancyId, user).map(Stored::value);
    }

    /** R-COR-2: the open offers on it end without counting as refusals; their employees and case handlers are told. */
    @PostMapping("/{vacancyId}/withdrawal")
    Mono<Vacancy> withdraw(@PathVariable String vacancyId, CurrentUser user) {
        requireRecruitmentOrCaseHandler(user);
        return vacancies.withdraw(vacancyId, user).map(Stored::value);
    }

    /** R-RED-6: the pool's candidates for this vacancy, best first, each with why. */
    @GetMapping("/{vacancyId}/candidates")
    Mono<List<CandidateRanking.Candidate>> candidates(@PathVariable String vacancyId,
                                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                                      CurrentUser user) {
        requireRecruitmentOrCaseHandler(user);
        return vacancies.candidates(vacancyId, user).map(ranked -> ranked.subList(0, Math.min(limit, ranked.size())));
    }

    private static void requireRecruitmentOrCaseHandler(CurrentUser user) {
        if (!user.has(Role.RECRUITMENT_SYSTEM) && !user.isCaseHandler()) {
            throw new ForbiddenException(null, "recruitment-only", "Recruitment systems and case handlers only",
                    "Vacancies are published and followed by recruitment systems and HR case handlers.");
        }
    }
}
