package org.hrmobility.kit.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * Who may see and act on an employee's files, the same in every service and always by today's master data (R-ACC-1):
 * the employee, their current line manager, that manager's deputy during the delegation (R-ACC-3), and HR case
 * handlers. A former manager loses access the moment master data names a new one; nothing about access is copied into
 * the files themselves.
 */
public class Access {

    private static final Logger log = LoggerFactory.getLogger(Access.class);

    private final DatabaseClient db;
    private final Clock clock;

    public Access(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** How this user stands to that employee today; a null subject is a file about nobody in particular. */
    public Mono<Standing> standing(CurrentUser user, String subjectId) {
        if (subjectId == null) {
            return Mono.just(new Standing(user.isCaseHandler() ? Relation.CASE_HANDLER : Relation.NONE, null));
        }
        return db.sql("""
                        select e.*, exists(select 1 from hrm_kit.deputy d where d.manager_id = e.line_manager_id
                                             and d.deputy_id = :me and d.starts_on <= :today and d.ends_on >= :today) as deputy
                        from hrm_kit.employee e where e.employee_id = :subject""")
                .bind("subject", subjectId)
                .bind("me", user.employeeId() == null ? "" : user.employeeId())
                .bind("today", today())
                .map(row -> new Standing(relation(user, subjectId, EmployeeDirectory.read(row),
                        Boolean.TRUE.equals(row.get("deputy", Boolean.class))), EmployeeDirectory.read(row)))
                .one()
                .defaultIfEmpty(new Standing(relation(user, subjectId, null, false), null));
    }

    static Relation relation(CurrentUser user, String subjectId, Employee subject, boolean deputy) {
        if (user.employeeIdIs(subjectId)) {
            return Relation.SELF;
        }
        String managerId = subject == null ? null : subject.lineManagerId();
        if (user.has(Role.LINE_MANAGER) && managerId != null && user.employeeIdIs(managerId)) {
            return Relation.LINE_MANAGER;
        }
        if (deputy && user.employeeId() != null) {
            return Relation.DEPUTY;
        }
        return user.isCaseHandler() ? Relation.CASE_HANDLER : Relation.NONE;
    }

    /** What this user may see of a table of files, as a condition on its {@code subject_id} column. */
    public Visibility visibility(CurrentUser user, Readers readers) {
        if (readers == Readers.EVERYONE || user.isCaseHandler()) {
            return Visibility.ALL;
        }
        if (readers == Readers.CASE_HANDLERS) {
            return Visibility.NOTHING;
        }
        if (user.employeeId() == null) {
            if (user.has(Role.LINE_MANAGER)) {
                log.warn("A line manager's token without employee_id (subject {}) sees no files", user.subject());
            }
            return Visibility.NOTHING;
        }
        Map<String, Object> binds = new HashMap<>();
        binds.put("v_me", user.employeeId());
        binds.put("v_today", today());
        StringBuilder sql = new StringBuilder("(subject_id = :v_me");
        if (user.has(Role.LINE_MANAGER)) {
            sql.append(" or subject_id in (select employee_id from hrm_kit.employee where line_manager_id = :v_me)");
        }
        sql.append(" or subject_id in (select e.employee_id from hrm_kit.employee e join hrm_kit.deputy d")
                .append(" on d.manager_id = e.line_manager_id where d.deputy_id = :v_me")
                .append(" and d.starts_on <= :v_today and d.ends_on >= :v_today))");
        return new Visibility(sql.toString(), binds);
    }

    private LocalDate today() {
        return CalendarDays.today(clock);
    }
}
