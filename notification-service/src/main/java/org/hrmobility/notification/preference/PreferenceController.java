package org.hrmobility.notification.preference;

import java.time.Clock;

import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

/** My notification preferences: e-mail one by one, as a daily digest, or off; and my language. */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferenceController {

    record ChoosePreferences(@NotNull EmailMode email, @Pattern(regexp = "nl|en") String language) {
    }

    private final PreferenceRepository preferences;
    private final Clock clock;

    PreferenceController(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping
    Mono<Preferences> get(CurrentUser user) {
        return preferences.of(person(user));
    }

    @PutMapping
    Mono<Preferences> choose(@Valid @RequestBody ChoosePreferences request, CurrentUser user) {
        return preferences.save(person(user), new Preferences(request.email(), request.language()), clock.instant());
    }

    private static String person(CurrentUser user) {
        if (user.employeeId() == null) {
            throw new ForbiddenException(null, "preferences-for-people", "Preferences are for people",
                    "Machine clients follow events by webhook; preferences are chosen by people.");
        }
        return user.employeeId();
    }
}
