package org.hrmobility.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the services' databases (their own tables, the kit's outbox, history, inbox and copy of master data; read in
 * the migrations under each service's {@code db/migration} and the kit's {@code db/hrm-kit}).
 */
final class Databases {

    static final List<String> PRODUCERS = List.of("redeployment", "evaluation", "mobility");
    static final List<String> ALL = List.of("redeployment", "evaluation", "mobility", "notification");
    static final List<String> NOTIFICATION_CONSUMERS = List.of("notification-redeployment", "notification-evaluation", "notification-mobility");

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    Databases(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    Connection connect(String database) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "60");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, p);
    }

    /** Per flow, the aggregates its key finds, each with its history and its events in outbox order. */
    Map<String, List<Facts.Aggregate>> aggregates(List<FlowLog> flows, String run) throws SQLException {
        Map<Workload, Map<String, List<String>>> idsByKey = new HashMap<>();
        idsByKey.put(Workload.REDEPLOYMENT, keyed("redeployment",
                "select subject_id, id::text from redeployment_case where subject_id like ?", "C-" + run + "-%"));
        idsByKey.put(Workload.EVALUATION, keyed("evaluation", "select id, id from evaluation_file where id like ?", "C-" + run + "-%"));
        idsByKey.put(Workload.APPLICATION, keyed("mobility",
                "select document->>'host', id::text from application where document->>'host' like ?", "Chaos host % " + run));
        Map<String, List<String>> offers = new HashMap<>();
        String tag = ("chaos-" + run + "-").toLowerCase();
        try (Connection c = connect("mobility");
             PreparedStatement s = c.prepareStatement("select id::text, skills from talent_offer where array_to_string(skills, ',') like ?")) {
            s.setString(1, "%" + tag + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    for (String skill : (String[]) rs.getArray(2).getArray()) {
                        if (skill.startsWith(tag)) {
                            offers.computeIfAbsent(skill, k -> new ArrayList<>()).add(id);
                        }
                    }
                }
            }
        }
        idsByKey.put(Workload.TALENT_OFFER, offers);

        Map<String, Map<String, List<String>>> history = new HashMap<>();
        Map<String, Map<String, List<Facts.Event>>> events = new HashMap<>();
        for (String db : PRODUCERS) {
            history.put(db, history(db));
            events.put(db, outbox(db));
        }
        Map<String, List<Facts.Aggregate>> byFlow = new HashMap<>();
        for (FlowLog flow : flows) {
            String db = flow.workload().database();
            List<Facts.Aggregate> found = new ArrayList<>();
            for (String id : idsByKey.get(flow.workload()).getOrDefault(flow.key(), List.of())) {
                found.add(new Facts.Aggregate(id, history.get(db).getOrDefault(id, List.of()), events.get(db).getOrDefault(id, List.of())));
            }
            byFlow.put(flow.id(), found);
        }
        return byFlow;
    }

    private Map<String, List<String>> keyed(String db, String sql, String pattern) throws SQLException {
        Map<String, List<String>> ids = new HashMap<>();
        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return ids;
    }

    /** Every history line, per aggregate, in the order written. */
    private Map<String, List<String>> history(String db) throws SQLException {
        Map<String, List<String>> lines = new HashMap<>();
        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement("select aggregate_id, action from hrm_kit.audit_entry order by id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return lines;
    }

    /** Every outbox row, per subject, in outbox order. */
    private Map<String, List<Facts.Event>> outbox(String db) throws SQLException {
        Map<String, List<Facts.Event>> events = new HashMap<>();
        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(
                "select ce_subject, event_id::text, ce_type, sent_at is not null from hrm_kit.outbox_event order by id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Facts.Event(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
        return events;
    }

    /** Per notification consumer, the events it applied with their place in the order applied (time in microseconds). */
    Map<String, Map<String, Long>> notificationInbox() throws SQLException {
        Map<String, Map<String, Long>> inbox = new HashMap<>();
        try (Connection c = connect("notification"); PreparedStatement s = c.prepareStatement(
                "select consumer, event_id::text, (extract(epoch from received_at) * 1000000)::bigint from hrm_kit.inbox_event"
                        + " where consumer like 'notification-%'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                inbox.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        return inbox;
    }

    /** Per event, the recipients told and how many notifications each got. */
    Map<String, Map<String, Integer>> notifications() throws SQLException {
        Map<String, Map<String, Integer>> told = new HashMap<>();
        try (Connection c = connect("notification"); PreparedStatement s = c.prepareStatement(
                "select event_id::text, recipient, count(*) from notification group by 1, 2");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                told.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
            }
        }
        return told;
    }

    /** Per service, the run's employees its copy of master data holds. */
    Map<String, Set<String>> employees(String run) throws SQLException {
        Map<String, Set<String>> held = new LinkedHashMap<>();
        for (String db : ALL) {
            Set<String> ids = new HashSet<>();
            try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(
                    "select employee_id from hrm_kit.employee where employee_id like ?")) {
                s.setString(1, "C-" + run + "-%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            held.put(db, ids);
        }
        return held;
    }

    /** The highest outbox id of each producing service: what was committed before a fault. */
    Map<String, Long> outboxHighWater() throws SQLException {
        Map<String, Long> high = new LinkedHashMap<>();
        for (String db : PRODUCERS) {
            try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from hrm_kit.outbox_event")) {
                rs.next();
                high.put(db, rs.getLong(1));
            }
        }
        return high;
    }

    /**
     * True when every event committed up to these outbox ids is marked sent and applied by the notification service (the
     * last {@code window} events below each mark are checked: those before were applied long ago, or the reconciliation
     * finds them).
     */
    boolean caughtUp(Map<String, Long> highWater, int window) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (String db : PRODUCERS) {
            long high = highWater.getOrDefault(db, 0L);
            try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(
                    "select event_id, sent_at is not null from hrm_kit.outbox_event where id <= ? and id > ?")) {
                s.setLong(1, high);
                s.setLong(2, high - window);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!rs.getBoolean(2)) {
                            return false;
                        }
                        ids.add((UUID) rs.getObject(1));
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return true;
        }
        try (Connection c = connect("notification"); PreparedStatement s = c.prepareStatement(
                "select count(distinct event_id) from hrm_kit.inbox_event where consumer like 'notification-%' and event_id = any(?)")) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) >= ids.size();
            }
        }
    }

    /**
     * What moves while the suite is not quiet: unsent outbox rows, events of the producers' outboxes the notification
     * service has not applied, and the run's employees held over all services.
     */
    record Progress(long unsent, long notApplied, long employees) {
    }

    Progress progress(String run) throws SQLException {
        long unsent = 0;
        Set<String> written = new HashSet<>();
        for (String db : PRODUCERS) {
            try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery(
                    "select event_id::text, sent_at is null from hrm_kit.outbox_event")) {
                while (rs.next()) {
                    written.add(rs.getString(1));
                    if (rs.getBoolean(2)) {
                        unsent++;
                    }
                }
            }
        }
        try (Connection c = connect("notification"); ResultSet rs = c.createStatement().executeQuery(
                "select distinct event_id::text from hrm_kit.inbox_event where consumer like 'notification-%'")) {
            while (rs.next()) {
                written.remove(rs.getString(1));
            }
        }
        long employees = employees(run).values().stream().mapToLong(Set::size).sum();
        return new Progress(unsent, written.size(), employees);
    }

    static List<String> notificationConsumers() {
        return Arrays.asList(NOTIFICATION_CONSUMERS.toArray(String[]::new));
    }
}
