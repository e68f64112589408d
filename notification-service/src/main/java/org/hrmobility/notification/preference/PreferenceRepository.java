package org.hrmobility.notification.preference;

import static org.hrmobility.kit.db.Binds.nullable;
import static org.hrmobility.kit.db.Binds.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

@Repository
public class PreferenceRepository {

    private final DatabaseClient db;

    PreferenceRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The person's preferences, or the defaults when they never chose. */
    public Mono<Preferences> of(String employeeId) {
        return db.sql("select email_mode, language from preference where person = :person").bind("person", employeeId)
                .map(row -> new Preferences(EmailMode.valueOf(row.get("email_mode", String.class)), row.get("language", String.class)))
                .one()
                .defaultIfEmpty(Preferences.DEFAULT);
    }

    /**
     * What is needed to write to these people, in one query: their preferences (or the defaults) and the language
     * of their master data (Dutch when unknown).
     */
    public Mono<Map<String, Reader>> readers(List<String> employeeIds) {
        return db.sql("""
                        select id, p.email_mode, p.language as chosen, e.language as master
                        from unnest(:ids) as id
                        left join preference p on p.person = id
                        left join hrm_kit.employee e on e.employee_id = id""")
                .bind("ids", employeeIds.toArray(String[]::new))
                .map(row -> {
                    String mode = row.get("email_mode", String.class);
                    Preferences chosen = mode == null ? Preferences.DEFAULT
                            : new Preferences(EmailMode.valueOf(mode), row.get("chosen", String.class));
                    return new Reader(row.get("id", String.class), chosen, chosen.languageOr(row.get("master", String.class)));
                })
                .all()
                .collectMap(Reader::employeeId);
    }

    /** A person about to be told something: their preferences and the language to write in. */
    public record Reader(String employeeId, Preferences preferences, String language) {
    }

    Mono<Preferences> save(String employeeId, Preferences preferences, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into preference (person, email_mode, language, updated_at) values (:person, :email, :language, :at)
                        on conflict (person) do update set email_mode = excluded.email_mode, language = excluded.language,
                            updated_at = excluded.updated_at""")
                .bind("person", employeeId).bind("email", preferences.email().name())
                .bind("at", utc(at));
        spec = nullable(spec, "language", preferences.language(), String.class);
        return spec.then().thenReturn(preferences);
    }
}
