package org.hrmobility.kit.privacy;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The service's copy of the person's master data, the periods they were a deputy or had one, and what they did to
 * others' files (the history lines naming them as the actor): an act is personal data of the one who acted too.
 */
final class MasterDataAndActs {

    private MasterDataAndActs() {
    }

    static PersonalData masterData(DatabaseClient db) {
        return PersonalData.query("masterData", db, "select employee_id, name, email, entity, grade, contract_type, line_manager_id, job_family,"
                + " competences::text as competences, language, as_of from hrm_kit.employee where employee_id = :id");
    }

    static PersonalData deputies(DatabaseClient db) {
        return PersonalData.query("deputies", db, "select manager_id, deputy_id, starts_on, ends_on from hrm_kit.deputy"
                + " where manager_id = :id or deputy_id = :id order by starts_on");
    }

    static PersonalData acts(DatabaseClient db) {
        return PersonalData.query("acts", db, "select aggregate_type, aggregate_id, at, action, detail, capacity, on_behalf_of"
                + " from hrm_kit.audit_entry where actor_employee_id = :id or on_behalf_of = :id order by id");
    }
}
