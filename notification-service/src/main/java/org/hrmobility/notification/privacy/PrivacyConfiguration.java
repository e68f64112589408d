package org.hrmobility.notification.privacy;

import java.time.Period;

import org.hrmobility.kit.privacy.PersonalData;
import org.hrmobility.kit.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the notification service holds about a person beyond the kit's parts (R-PRV-1), and how long it keeps it
 * (R-PRV-2, grounds in docs/privacy.md).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalData notificationsPart(DatabaseClient db) {
        return PersonalData.query("notifications", db, """
                select id, ce_type, recipient, about_employee, title, expected, due_on, link, created_at, read_at, email_state, email_to
                from notification where recipient = 'person:' || :id or about_employee = :id order by created_at""");
    }

    @Bean
    PersonalData preferencesPart(DatabaseClient db) {
        return PersonalData.query("preferences", db, "select email_mode, language, updated_at from preference where person = :id");
    }

    @Bean
    PersonalData workItemsPart(DatabaseClient db) {
        return PersonalData.query("workItems", db, """
                select kind, item_key, audience, open, due_on, opened_at, updated_at from work_item
                where subject_id = :id order by opened_at""");
    }

    @Bean
    PersonalData timelinePart(DatabaseClient db) {
        return PersonalData.query("timeline", db, """
                select event_id, ce_type, at, actor, actor_employee_id, capacity, on_behalf_of, action, reason, fields::text as fields
                from timeline_entry where subject_id = :id order by at""");
    }

    /** What a person was told: a year, then the event's own service keeps the record of the decision. */
    @Bean
    RetentionRule oldNotifications() {
        return new RetentionRule("notification", "notification", "id", "true", "created_at", Period.ofYears(1));
    }

    /** Work items done (closed) a year ago. */
    @Bean
    RetentionRule doneWorkItems() {
        return new RetentionRule("work-item", "work_item", "ctid", "not open", "updated_at", Period.ofYears(1));
    }

    /** The timeline follows the records it tells of: 5 years, as the longest-kept HR file of the decision services. */
    @Bean
    RetentionRule oldTimelineEntries() {
        return new RetentionRule("timeline-entry", "timeline_entry", "event_id", "true", "at", Period.ofYears(5));
    }

    /** Which day's digest went out: a month is enough to send none twice. */
    @Bean
    RetentionRule oldDigestMarks() {
        return new RetentionRule("digest-sent", "digest_sent", "ctid", "true", "sent_at", Period.ofMonths(1));
    }
}
