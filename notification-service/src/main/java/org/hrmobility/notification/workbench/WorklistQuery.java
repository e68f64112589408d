package org.hrmobility.notification.workbench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The SQL of a person's worklist (public for the workbench benchmark, which explains the very statements the service
 * runs): the open items of each audience through an index of their own (their own file; their reports' and, as deputy,
 * the manager's reports' files through {@code employee_line_manager}; their entity's), then names and filters. An
 * {@code or} across the audiences made PostgreSQL read every open item and hash every employee for each request.
 */
public record WorklistQuery(String sql, Map<String, Object> binds) {

    /** Who asks, as the worklist needs it. */
    public record Viewer(String employeeId, String entity, boolean lineManager, boolean caseHandler) {

        static Viewer of(CurrentUser user) {
            return new Viewer(user.employeeId(), user.entity(), user.has(Role.LINE_MANAGER), user.isCaseHandler());
        }
    }

    /** The filters of a worklist; {@code kind} by its name. */
    public record Filters(String kind, String entity, LocalDate dueBefore, boolean overdue) {
    }

    public static WorklistQuery page(Viewer viewer, Filters filters, LocalDate today, int page, int size) {
        WorklistQuery mine = mine(viewer, filters, today);
        Map<String, Object> binds = new HashMap<>(mine.binds());
        binds.put("limit", size);
        binds.put("offset", (long) page * size);
        return new WorklistQuery("select w.kind, w.item_key, w.subject_id, coalesce(e.entity, w.entity) as entity, w.ce_type,"
                + " w.fields::text as fields, w.due_on, w.opened_at, e.name, count(*) over () as total" + mine.sql()
                + " order by w.due_on nulls last, w.opened_at, w.kind, w.item_key limit :limit offset :offset", binds);
    }

    /** How many open items of each kind, with the same filters but the kind. */
    public static WorklistQuery countsByKind(Viewer viewer, Filters filters, LocalDate today) {
        WorklistQuery mine = mine(viewer, new Filters(null, filters.entity(), filters.dueBefore(), filters.overdue()), today);
        return new WorklistQuery("select w.kind, count(*) as n" + mine.sql() + " group by w.kind", mine.binds());
    }

    DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec;
    }

    /** {@code from ... where ...} of the viewer's open items, with the filters. */
    private static WorklistQuery mine(Viewer viewer, Filters filters, LocalDate today) {
        if (viewer.employeeId() == null) {
            return new WorklistQuery(" from work_item w left join hrm_kit.employee e on false where false", Map.of());
        }
        Map<String, Object> binds = new HashMap<>();
        binds.put("me", viewer.employeeId());
        binds.put("today", today);
        StringBuilder audiences = new StringBuilder("select w.* from work_item w where w.open and w.audience = 'EMPLOYEE' and w.subject_id = :me")
                .append(" union all select w.* from hrm_kit.employee r join work_item w on w.subject_id = r.employee_id")
                .append(" and w.open and w.audience = 'LINE_MANAGER' where r.employee_id <> :me and r.line_manager_id in (")
                .append(viewer.lineManager() ? "select cast(:me as text) union all " : "")
                .append("select d.manager_id from hrm_kit.deputy d where d.deputy_id = :me and d.starts_on <= :today and d.ends_on >= :today)");
        if (viewer.caseHandler()) {
            audiences.append(" union all select w.* from work_item w left join hrm_kit.employee r on r.employee_id = w.subject_id")
                    .append(" where w.open and w.audience = 'CASE_HANDLERS' and w.subject_id <> :me");
            if (viewer.entity() != null) {
                audiences.append(" and coalesce(r.entity, w.entity) = :myEntity");
                binds.put("myEntity", viewer.entity());
            }
        }
        StringBuilder sql = new StringBuilder(" from (").append(audiences)
                .append(") w left join hrm_kit.employee e on e.employee_id = w.subject_id")
                // an allowance that has ended without an extension is no longer something to act on after the grace period
                .append(" where not (w.kind = 'ALLOWANCE_ENDING' and w.due_on < :graceStart)");
        binds.put("graceStart", today.minusDays(30));
        if (filters.kind() != null) {
            sql.append(" and w.kind = :kind");
            binds.put("kind", filters.kind());
        }
        if (filters.entity() != null) {
            sql.append(" and coalesce(e.entity, w.entity) = :entity");
            binds.put("entity", filters.entity());
        }
        if (filters.dueBefore() != null) {
            sql.append(" and w.due_on <= :dueBefore");
            binds.put("dueBefore", filters.dueBefore());
        }
        if (filters.overdue()) {
            sql.append(" and w.due_on < :today");
        }
        return new WorklistQuery(sql.toString(), binds);
    }
}
