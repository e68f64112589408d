package org.hrmobility.notification.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.AppInfoParser;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackInitializer;
import org.hrmobility.devstack.DocsSection;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.inbox.IncomingEvent;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.notification.NotificationServiceApplication;
import org.hrmobility.notification.workbench.WorklistQuery;
import org.hrmobility.notification.TestMailServer;
import org.hrmobility.notification.routing.Arrival;
import org.hrmobility.notification.workbench.Projections;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import tools.jackson.core.type.TypeReference;

/**
 * Issue 18's benchmark of the workbench at scale: the worklist and the timeline over HTTP with 30,000 employees and
 * 200,000 decision events in the read models, while decision events arrive at the performance run's rate (300/s),
 * and the projection's lag meanwhile. Not a test: nothing passes or fails; it prints a summary and writes it into
 * {@code docs/performance.md} between its markers.
 * <ol>
 * <li>The notification service starts in this JVM on the devstack (Kafka and PostgreSQL) with test tokens.</li>
 * <li>{@link Workforce} makes the organisation and three years of its decisions; the employees and deputies go into
 * the kit's master data tables, the decisions through {@link Projections#apply} (the code of the live intake and of a
 * rebuild) in batches of a thousand, in time order with Kafka-like offsets, so the rows are what the projection
 * writes. Then the tables are analysed.</li>
 * <li>{@link BackgroundLoad} publishes cases opened, guided and decided on the redeployment topic at
 * {@code bench.rate} a second: the real consuming path (inbox, notifications, worklist, timeline).</li>
 * <li>Each query is called once cold, then in rounds (every query once a round, one caller at a time): a warm-up,
 * then the measured rounds. Then EXPLAIN ANALYZE of the same SQL, with the values as literals (a custom plan) and
 * as parameters of a prepared statement (the generic plan a long-lived connection may switch to).</li>
 * </ol>
 * Run: {@code ./mvnw -B -pl notification-service -Pworkbench-benchmark verify -DskipTests} (properties
 * {@code bench.rate}, {@code bench.rounds}, {@code bench.warmup}, {@code bench.employees}, {@code bench.events},
 * {@code bench.doc}: the file to write, empty for none; {@code bench.plans}: where the full plans go; {@code bench.hold}: seconds
 * to keep the database up afterwards).
 */
public final class WorkbenchBenchmark {

    static final DocsSection SECTION = new DocsSection("<!-- workbench-benchmark:start -->", "<!-- workbench-benchmark:end -->");

    private static final int EMPLOYEES = Integer.getInteger("bench.employees", 30_000);
    private static final int ENTITIES = Integer.getInteger("bench.entities", 30);
    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int RATE = Integer.getInteger("bench.rate", 300);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);
    private static final long SEED = Long.getLong("bench.seed", 18);
    private static final String DOC = System.getProperty("bench.doc", "../docs/performance.md");
    private static final String PLANS = System.getProperty("bench.plans", "target/workbench-explain.txt");
    private static final int HOLD = Integer.getInteger("bench.hold", 0);
    private static final int SIZE = 20;
    private static final int BATCH = 1_000;
    private static final double SLOW_MS = 100;
    private static final String LAG_TIMER = "hrm.workbench.projection.lag";
    private static final TypeReference<Map<String, Object>> JSON = new TypeReference<>() {
    };

    private WorkbenchBenchmark() {
    }

    /** Who calls: what the worklist's access conditions read from the token. */
    record Caller(String employeeId, String entity, boolean lineManager, boolean caseHandler, String token) {
    }

    /** One measured call: a worklist (with its filters) or a timeline page. */
    record Query(String name, Caller caller, String kind, boolean overdue, int page, String timelineOf) {

        String path() {
            if (timelineOf != null) {
                return "/api/workbench/timeline/" + timelineOf + "?size=" + SIZE + "&page=" + page;
            }
            return "/api/workbench/worklist?size=" + SIZE + "&page=" + page + (kind == null ? "" : "&kind=" + kind)
                    + (overdue ? "&overdue=true" : "");
        }
    }

    /** What one query measured. */
    static final class Measured {
        final Query query;
        long coldMicros;
        long total;
        int errors;
        String firstError;
        final List<Long> micros = new ArrayList<>();
        final List<Long> lagMillisShown = new ArrayList<>();

        Measured(Query query) {
            this.query = query;
        }
    }

    /** A plan: the SQL's execution time with literals (custom plan) and as a prepared statement (generic plan). */
    record Explained(String name, double customMs, double genericMs, List<String> customPlan, List<String> genericPlan) {
    }

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    private static void run() throws Exception {
        long begun = System.nanoTime();
        Devstack stack = Devstack.shared();
        TestMailServer.start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new DevstackInitializer(), new TestTokens.Initializer())
                .properties(Map.of("logging.level.root", "warn", "logging.structured.format.console", "", "spring.main.banner-mode", "off"))
                .run("--server.port=0", "--management.metrics.distribution.percentiles-histogram." + LAG_TIMER + "=true")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            JdbcSettings jdbc = app.getBean(JdbcSettings.class);
            LocalDate today = CalendarDays.today(app.getBean(Clock.class));
            log("service up on port %d after %.1f s", port, seconds(begun));

            long t = System.nanoTime();
            Workforce workforce = Workforce.generate(EMPLOYEES, ENTITIES, EVENTS, SEED, today);
            log("generated %,d employees, %,d deputies, %,d events in %.1f s", workforce.employees.size(), workforce.deputies.size(),
                    workforce.events.size(), seconds(t));
            t = System.nanoTime();
            seedMasterData(jdbc, workforce);
            log("master data in %.1f s", seconds(t));
            t = System.nanoTime();
            seedHistory(app, workforce);
            double seedSeconds = seconds(t);
            log("%,d events projected in %.1f s (%,.0f events/s, batches of %,d)", workforce.events.size(), seedSeconds,
                    workforce.events.size() / seedSeconds, BATCH);
            analyze(jdbc);

            Map<String, Object> sizes = sizes(jdbc, workforce);
            sizes.forEach((k, v) -> log("  %s: %s", k, v));
            List<Query> queries = queries(jdbc, workforce);
            Set<String> callers = new HashSet<>();
            queries.forEach(q -> callers.add(q.caller().employeeId()));
            queries.stream().filter(q -> q.timelineOf() != null).forEach(q -> callers.add(q.timelineOf()));
            List<Workforce.Employee> loadPeople = workforce.employees.stream()
                    .filter(e -> !e.manager() && !callers.contains(e.id()) && !workforce.longHistories.contains(e.index())
                            && !e.id().equals(workforce.caseHandler(e.entity()).id()))
                    .toList();

            Timer lagTimer = lagTimer(app);
            BackgroundLoad load = new BackgroundLoad(stack.endpoints().kafkaBootstrapServers(), jdbc, workforce, loadPeople, RATE, today);
            load.start();
            Thread.sleep(5_000);
            log("background load at %d events/s started", RATE);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + port;
            List<Measured> results = queries.stream().map(Measured::new).toList();
            for (Measured m : results) {
                if (m.query.page() >= 0) {
                    m.coldMicros = call(http, base, m, false);
                }
            }
            queries = deepPages(queries, results);
            results = resolveDeep(results, queries, http, base);
            for (int round = 0; round < WARMUP; round++) {
                for (Measured m : results) {
                    call(http, base, m, false);
                }
            }
            log("cold calls and %d warm-up rounds done", WARMUP);
            TimerState before = TimerState.of(lagTimer);
            load.measuring(true);
            long measureStart = System.nanoTime();
            for (int round = 0; round < ROUNDS; round++) {
                for (Measured m : results) {
                    m.micros.add(call(http, base, m, true));
                }
            }
            double measureSeconds = seconds(measureStart);
            load.measuring(false);
            TimerState after = TimerState.of(lagTimer);
            log("%d measured rounds in %.1f s", ROUNDS, measureSeconds);
            load.stop(60);
            log("background load stopped: %,d events sent (%.0f/s), %,d failed, %,d timed still pending", load.sent(),
                    load.achievedRate(), load.failed(), load.pending());

            List<Explained> plans = explain(jdbc, results, today);
            Map<String, Object> sizesAfter = sizes(jdbc, workforce);
            Report report = new Report(workforce, sizes, sizesAfter, results, plans, load, before, after, measureSeconds, seedSeconds,
                    stackDescription(jdbc), today);
            String markdown = report.markdown();
            System.out.println();
            System.out.println(markdown);
            if (!DOC.isBlank()) {
                Path doc = Path.of(DOC).toAbsolutePath().normalize();
                SECTION.write(doc, markdown);
                log("written to %s", doc);
            }
            if (!PLANS.isBlank()) {
                Path file = Path.of(PLANS).toAbsolutePath().normalize();
                Files.createDirectories(file.getParent());
                Files.writeString(file, plansText(plans));
                log("plans in %s", file);
            }
            hold(jdbc);
        }
    }

    // ---- seeding -------------------------------------------------------------------------------------------------

    private static void seedMasterData(JdbcSettings jdbc, Workforce w) throws SQLException {
        try (Connection c = jdbc.connect()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into hrm_kit.employee (employee_id, name, email, entity, grade, contract_type, line_manager_id, language,
                                                  manager, as_of)
                    select t.id, t.name, t.email, t.entity, t.grade,
                           case when hashtext(t.id) % 5 = 0 then 'CONTRACTUAL' else 'STATUTORY' end, t.manager_id, t.language,
                           t.manager, now()
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
                         as t (id, name, email, entity, grade, manager_id, language, manager)
                    on conflict (employee_id) do nothing""")) {
                List<Workforce.Employee> es = w.employees;
                insert.setArray(1, c.createArrayOf("text", es.stream().map(Workforce.Employee::id).toArray()));
                insert.setArray(2, c.createArrayOf("text", es.stream().map(Workforce.Employee::name).toArray()));
                insert.setArray(3, c.createArrayOf("text", es.stream().map(Workforce.Employee::email).toArray()));
                insert.setArray(4, c.createArrayOf("text", es.stream().map(Workforce.Employee::entity).toArray()));
                insert.setArray(5, c.createArrayOf("text", es.stream().map(Workforce.Employee::grade).toArray()));
                insert.setArray(6, c.createArrayOf("text", es.stream().map(Workforce.Employee::lineManagerId).toArray()));
                insert.setArray(7, c.createArrayOf("text", es.stream().map(Workforce.Employee::language).toArray()));
                insert.setArray(8, c.createArrayOf("boolean", es.stream().map(Workforce.Employee::manager).toArray()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into hrm_kit.deputy (delegation_id, manager_id, deputy_id, starts_on, ends_on, as_of)
                    values (?, ?, ?, ?, ?, now())""")) {
                for (Workforce.Deputy d : w.deputies) {
                    insert.setObject(1, d.id());
                    insert.setString(2, d.managerId());
                    insert.setString(3, d.deputyId());
                    insert.setDate(4, Date.valueOf(d.from()));
                    insert.setDate(5, Date.valueOf(d.to()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Through the projection itself, in time order and batches, as a rebuild applies the topics. */
    private static void seedHistory(ConfigurableApplicationContext app, Workforce w) {
        Projections projections = app.getBean(Projections.class);
        TransactionalOperator transactional = app.getBean(TransactionalOperator.class);
        List<Workforce.Planned> events = w.events;
        for (int from = 0; from < events.size(); from += BATCH) {
            List<Arrival> arrivals = new ArrayList<>(BATCH);
            for (Workforce.Planned p : events.subList(from, Math.min(events.size(), from + BATCH))) {
                Workforce.Employee about = w.employees.get(p.employee());
                Map<String, Object> payload = Payloads.of(p.type(), about, p.keyField(), p.key(), p.fields());
                Workforce.Actor a = p.actor();
                EventMetadata metadata = new EventMetadata(UUID.randomUUID(), "/hrm/" + p.type().context() + "-service",
                        p.type().ceType(), p.key(), p.at(), null,
                        a == null ? null : new EventMetadata.Origin(a.actor(), a.actorEmployeeId(), a.capacity(), a.onBehalfOf(), a.action(),
                                a.reason()));
                arrivals.add(new Arrival(new IncomingEvent(metadata, about.id(), EventJson.write(payload), p.offset()), payload));
            }
            transactional.transactional(projections.apply(arrivals)).block(Duration.ofMinutes(2));
            if ((from / BATCH) % 50 == 49) {
                log("  %,d events projected", from + BATCH);
            }
        }
    }

    private static void analyze(JdbcSettings jdbc) throws SQLException {
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze work_item, timeline_entry, hrm_kit.employee, hrm_kit.deputy");
        }
    }

    private static Map<String, Object> sizes(JdbcSettings jdbc, Workforce w) throws SQLException {
        Map<String, Object> sizes = new LinkedHashMap<>();
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            sizes.put("employees", one(s, "select count(*) from hrm_kit.employee"));
            sizes.put("managers", one(s, "select count(distinct line_manager_id) from hrm_kit.employee"));
            sizes.put("deputies", one(s, "select count(*) from hrm_kit.deputy"));
            sizes.put("deputies active today", one(s, "select count(*) from hrm_kit.deputy where current_date between starts_on and ends_on"));
            sizes.put("timeline entries", one(s, "select count(*) from timeline_entry"));
            sizes.put("work items", one(s, "select count(*) from work_item"));
            sizes.put("work items open", one(s, "select count(*) from work_item where open"));
            try (ResultSet rs = s.executeQuery("select audience, count(*) from work_item where open group by 1 order by 1")) {
                while (rs.next()) {
                    sizes.put("open for " + rs.getString(1), rs.getLong(2));
                }
            }
            sizes.put("open and overdue", one(s, "select count(*) from work_item where open and due_on < current_date"));
            sizes.put("work_item size", text(s, "select pg_size_pretty(pg_total_relation_size('work_item'))"));
            sizes.put("timeline_entry size", text(s, "select pg_size_pretty(pg_total_relation_size('timeline_entry'))"));
        }
        return sizes;
    }

    // ---- who asks what -------------------------------------------------------------------------------------------

    private static List<Query> queries(JdbcSettings jdbc, Workforce w) throws SQLException {
        String largest = w.entities.get(0);
        String manager;
        String employee;
        String busiestKind;
        String longest = Workforce.id(w.longHistories.get(0));
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            manager = text(s, """
                    select e.line_manager_id from work_item w join hrm_kit.employee e on e.employee_id = w.subject_id
                    where w.open and w.audience = 'LINE_MANAGER' and e.line_manager_id is not null
                    group by 1 order by count(*) desc, 1 limit 1""");
            employee = text(s, """
                    select subject_id from work_item where open and audience = 'EMPLOYEE' group by 1 order by count(*) desc, 1 limit 1""");
            busiestKind = text(s, "select w.kind from work_item w join hrm_kit.employee e on e.employee_id = w.subject_id"
                    + " where w.open and w.audience = 'CASE_HANDLERS' and e.entity = '" + largest + "' group by 1 order by count(*) desc limit 1");
        }
        Workforce.Employee lm = w.employee(manager);
        Workforce.Employee emp = w.employee(employee);
        Workforce.Employee handler = w.caseHandler(largest);
        Caller lineManager = new Caller(lm.id(), lm.entity(), true, false,
                TestTokens.forEmployee(lm.id(), lm.entity(), Role.LINE_MANAGER, Role.EMPLOYEE));
        Caller person = new Caller(emp.id(), emp.entity(), false, false, TestTokens.forEmployee(emp.id(), emp.entity(), Role.EMPLOYEE));
        Caller caseHandler = new Caller(handler.id(), largest, false, true,
                TestTokens.forEmployee(handler.id(), largest, Role.HR_CASE_HANDLER, Role.EMPLOYEE));
        Caller centralHr = new Caller(handler.id(), null, false, true, TestTokens.forEmployee(handler.id(), null, Role.HR_CASE_HANDLER));
        String ofEntity = " of " + largest + " (" + String.format(Locale.ROOT, "%,d", w.entitySizes.get(largest)) + " employees)";
        return List.of(
                new Query("line manager (" + lm.id() + "), own worklist", lineManager, null, false, 0, null),
                new Query("employee (" + emp.id() + "), own worklist", person, null, false, 0, null),
                new Query("case handler" + ofEntity + ", page 0", caseHandler, null, false, 0, null),
                new Query("case handler" + ofEntity + ", kind=" + busiestKind, caseHandler, busiestKind, false, 0, null),
                new Query("case handler" + ofEntity + ", overdue=true", caseHandler, null, true, 0, null),
                new Query("case handler" + ofEntity + ", last page", caseHandler, null, false, -1, null),
                new Query("central HR case handler (no entity), page 0", centralHr, null, false, 0, null),
                new Query("central HR case handler (no entity), last page", centralHr, null, false, -1, null),
                new Query("timeline of " + longest + ", page 0 (as the case handler)", caseHandler, null, false, 0, longest),
                new Query("timeline of " + longest + ", last page", caseHandler, null, false, -1, longest));
    }

    /** A "last page" query (page -1) takes the last page of its page-0 twin, as the cold call counted it. */
    private static List<Query> deepPages(List<Query> queries, List<Measured> results) {
        List<Query> resolved = new ArrayList<>();
        for (Query q : queries) {
            if (q.page() >= 0) {
                resolved.add(q);
                continue;
            }
            Measured twin = results.stream().filter(m -> m.query.page() == 0 && m.query.caller().equals(q.caller())
                    && m.query.kind() == null && !m.query.overdue() && Objects.equals(m.query.timelineOf(), q.timelineOf()))
                    .findFirst().orElseThrow();
            int last = (int) Math.max(0, (twin.total - 1) / SIZE);
            resolved.add(new Query(q.name() + " (" + last + ", rows " + (long) last * SIZE + "+)", q.caller(), q.kind(), q.overdue(), last,
                    q.timelineOf()));
        }
        return resolved;
    }

    /** The deep pages at their real page, with their first call (the first at that offset; their shape was called at page 0). */
    private static List<Measured> resolveDeep(List<Measured> results, List<Query> queries, HttpClient http, String base)
            throws IOException, InterruptedException {
        List<Measured> resolved = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i).equals(results.get(i).query)) {
                resolved.add(results.get(i));
            } else {
                Measured m = new Measured(queries.get(i));
                m.coldMicros = call(http, base, m, false);
                resolved.add(m);
            }
        }
        return resolved;
    }

    private static long call(HttpClient http, String base, Measured m, boolean measured) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + m.query.path()))
                .header("Authorization", TestTokens.bearer(m.query.caller().token())).timeout(Duration.ofSeconds(30)).GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        if (response.statusCode() != 200) {
            if (m.query.page() >= 0) {
                m.errors++;
                if (m.firstError == null) {
                    m.firstError = response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
                    log("%s: %s", m.query.name(), m.firstError);
                }
            }
            return micros;
        }
        Map<String, Object> body = EventJson.mapper().readValue(response.body(), JSON);
        m.total = ((Number) body.get("total")).longValue();
        if (measured && body.get("lagSeconds") instanceof Number lag) {
            m.lagMillisShown.add(Math.round(lag.doubleValue() * 1000));
        }
        return micros;
    }

    // ---- the projection's lag timer ------------------------------------------------------------------------------

    private static Timer lagTimer(ConfigurableApplicationContext app) {
        return app.getBeansOfType(MeterRegistry.class).values().stream()
                .map(r -> r.find(LAG_TIMER).timer()).filter(Objects::nonNull)
                .max(Comparator.comparingInt(t -> t.takeSnapshot().histogramCounts().length))
                .orElse(null);
    }

    /** The timer's cumulative figures at one moment (count, total, and its histogram when it keeps one). */
    record TimerState(long count, double totalMillis, double[] boundsMillis, double[] cumulative, String registry) {

        static TimerState of(Timer timer) {
            if (timer == null) {
                return new TimerState(0, 0, new double[0], new double[0], "none");
            }
            HistogramSnapshot s = timer.takeSnapshot();
            CountAtBucket[] buckets = s.histogramCounts();
            double[] bounds = new double[buckets.length];
            double[] counts = new double[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                bounds[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
                counts[i] = buckets[i].count();
            }
            return new TimerState(s.count(), s.total(TimeUnit.MILLISECONDS), bounds, counts, timer.getClass().getSimpleName());
        }
    }

    // ---- EXPLAIN -------------------------------------------------------------------------------------------------

    /** SQL with named parameters (:name), as the service's repositories write it. */
    record Sql(String text, Map<String, Object> binds) {

        private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

        String withLiterals() {
            Matcher m = PARAMETER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(literal(binds.get(m.group(1)))));
            }
            return m.appendTail(out).toString();
        }

        /** The statement with $1.., its parameter types and values in their order. */
        String prepared(List<String> types, List<String> values) {
            Matcher m = PARAMETER.matcher(text);
            Map<String, Integer> numbers = new LinkedHashMap<>();
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                Integer n = numbers.get(name);
                if (n == null) {
                    n = numbers.size() + 1;
                    numbers.put(name, n);
                    Object v = binds.get(name);
                    types.add(v instanceof LocalDate ? "date" : v instanceof Integer ? "int" : v instanceof Long ? "bigint" : "varchar");
                    values.add(literal(v));
                }
                m.appendReplacement(out, "\\$" + n);
            }
            return m.appendTail(out).toString();
        }

        private static String literal(Object v) {
            if (v == null) {
                throw new IllegalArgumentException("no value");
            }
            if (v instanceof LocalDate d) {
                return "date '" + d + "'";
            }
            if (v instanceof Number n) {
                return n.toString();
            }
            return "'" + v.toString().replace("'", "''") + "'";
        }
    }

    /** The very statements the service runs ({@link WorklistQuery}), to explain them. */
    static Sql worklistPage(Caller user, String kind, boolean overdue, LocalDate today, int page) {
        WorklistQuery q = WorklistQuery.page(viewer(user), new WorklistQuery.Filters(kind, null, null, overdue), today, page, SIZE);
        return new Sql(q.sql(), new LinkedHashMap<>(q.binds()));
    }

    static Sql worklistCounts(Caller user, boolean overdue, LocalDate today) {
        WorklistQuery q = WorklistQuery.countsByKind(viewer(user), new WorklistQuery.Filters(null, null, null, overdue), today);
        return new Sql(q.sql(), new LinkedHashMap<>(q.binds()));
    }

    private static WorklistQuery.Viewer viewer(Caller user) {
        return new WorklistQuery.Viewer(user.employeeId(), user.entity(), user.lineManager(), user.caseHandler());
    }

    /** As {@code Timeline.pageOf}. */
    static Sql timelinePage(String subject, int page) {
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("subject", subject);
        binds.put("limit", SIZE);
        binds.put("offset", (long) page * SIZE);
        return new Sql("""
                select event_id, subject_id, entity, ce_type, at, actor, actor_employee_id, capacity, on_behalf_of, action,
                       reason, fields::text as fields, count(*) over () as total
                from timeline_entry where subject_id = :subject
                order by at desc, event_id limit :limit offset :offset""", binds);
    }

    private static List<Explained> explain(JdbcSettings jdbc, List<Measured> results, LocalDate today) throws SQLException {
        List<Explained> plans = new ArrayList<>();
        try (Connection c = jdbc.connect()) {
            for (Measured m : results) {
                Query q = m.query;
                if (q.timelineOf() != null) {
                    plans.add(explain(c, q.name(), timelinePage(q.timelineOf(), q.page())));
                } else {
                    plans.add(explain(c, q.name(), worklistPage(q.caller(), q.kind(), q.overdue(), today, q.page())));
                    plans.add(explain(c, q.name() + ": counts by kind", worklistCounts(q.caller(), q.overdue(), today)));
                }
            }
        }
        return plans;
    }

    private static Explained explain(Connection c, String name, Sql sql) throws SQLException {
        List<String> custom;
        try (Statement s = c.createStatement()) {
            custom = lines(s, "explain (analyze, buffers) " + sql.withLiterals());
        }
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String prepared = sql.prepared(types, values);
        List<String> generic;
        try (Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("prepare bench_q (" + String.join(", ", types) + ") as " + prepared);
            generic = lines(s, "explain (analyze, buffers) execute bench_q (" + String.join(", ", values) + ")");
            s.execute("deallocate bench_q");
            s.execute("reset plan_cache_mode");
        }
        return new Explained(name, executionMs(custom), executionMs(generic), custom, generic);
    }

    private static List<String> lines(Statement s, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static double executionMs(List<String> plan) {
        for (String line : plan) {
            if (line.startsWith("Execution Time:")) {
                return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
            }
        }
        return Double.NaN;
    }

    /** Every plan in full, as EXPLAIN printed it. */
    private static String plansText(List<Explained> plans) {
        StringBuilder text = new StringBuilder();
        for (Explained e : plans) {
            text.append("=== ").append(e.name()).append(" (custom plan)\n").append(String.join("\n", e.customPlan())).append("\n\n");
            text.append("=== ").append(e.name()).append(" (generic plan)\n").append(String.join("\n", e.genericPlan())).append("\n\n");
        }
        return text.toString();
    }

    /**
     * With {@code -Dbench.hold=seconds}: keeps the service and its database up after the run, for looking at plans by hand,
     * until the time is up or the file {@code target/workbench-benchmark.release} exists.
     */
    private static void hold(JdbcSettings jdbc) throws InterruptedException {
        if (HOLD <= 0) {
            return;
        }
        Path release = Path.of("target/workbench-benchmark.release").toAbsolutePath();
        log("holding for up to %d s: %s (user %s); touch %s to end", HOLD, jdbc.url(), jdbc.user(), release);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD);
        while (System.nanoTime() < deadline && !Files.exists(release)) {
            Thread.sleep(500);
        }
        try {
            Files.deleteIfExists(release);
        } catch (IOException e) {
            // a later run removes it
        }
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    private static String stackDescription(JdbcSettings jdbc) throws SQLException, IOException {
        String postgres;
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            postgres = text(s, "show server_version") + " (fsync " + text(s, "show fsync") + ", synchronous_commit "
                    + text(s, "show synchronous_commit") + ", shared_buffers " + text(s, "show shared_buffers") + ")";
        }
        long memKb = 0;
        String os = System.getProperty("os.name");
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        Path release = Path.of("/etc/os-release");
        if (Files.exists(release)) {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    os = line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        }
        return String.format(Locale.ROOT, "%d cores, %,d MiB, %s; %s %s (%s, heap max %,d MiB); Kafka %s and PostgreSQL %s, in the "
                        + "benchmark's JVM and beside it with the service, the load and the HTTP client",
                Runtime.getRuntime().availableProcessors(), memKb / 1024, os, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), gc(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                AppInfoParser.getVersion(), postgres);
    }

    private static String gc() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).reduce((a, b) -> a + " / " + b).orElse("?");
    }

    /** The summary, in markdown. */
    record Report(Workforce workforce, Map<String, Object> sizes, Map<String, Object> sizesAfter, List<Measured> results,
                  List<Explained> plans, BackgroundLoad load, TimerState before, TimerState after, double measureSeconds,
                  double seedSeconds, String machine, LocalDate today) {

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("## Workbench at scale: worklist and timeline\n\n");
            md.append("<!-- written by WorkbenchBenchmark; do not edit by hand between the workbench-benchmark markers -->\n\n");
            md.append("One run on ").append(today).append(": ").append(machine).append(".\n\n");
            md.append("```bash\n./mvnw -B -ntp -pl notification-service -Pworkbench-benchmark verify -DskipTests   # -Dbench.rate=")
                    .append(RATE).append(" -Dbench.rounds=").append(ROUNDS).append(" -Dbench.warmup=").append(WARMUP).append("\n```\n\n");
            md.append(String.format(Locale.ROOT, """
                    The notification service runs in the benchmark's JVM with the devstack. %,d employees in %d entities (largest \
                    %,d, smallest %,d), line managers with about ten reports, %,d deputies; three years of decisions \
                    (%,d events: yearly evaluations, probations, allowances, applications, secondments, talent offers, follow-ups, \
                    redeployment cases) applied through the projection itself (`Projections.apply`, as a rebuild does) in batches \
                    of %,d, in %.0f s. Meanwhile and while measuring, cases are opened, guided and decided on the redeployment topic \
                    at %d events/s (the performance run's rate), through Kafka and the real consuming transaction. Each query over \
                    HTTP with a signed token, one caller at a time, %d a page: one cold call (the first of its kind in the JVM), \
                    %d warm-up rounds, then %d rounds of every query (%.0f s).%n%n""",
                    workforce.employees.size(), workforce.entities.size(), workforce.entitySizes.values().stream().mapToInt(i -> i).max().orElse(0),
                    workforce.entitySizes.values().stream().mapToInt(i -> i).min().orElse(0), workforce.deputies.size(),
                    workforce.events.size(), BATCH, seedSeconds, RATE, SIZE, WARMUP, ROUNDS, measureSeconds));
            md.append("| read model | before the load | after it |\n|---|---|---|\n");
            for (Map.Entry<String, Object> e : sizes.entrySet()) {
                md.append("| ").append(e.getKey()).append(" | ").append(format(e.getValue())).append(" | ")
                        .append(format(sizesAfter.get(e.getKey()))).append(" |\n");
            }
            md.append("\n| query | rows | cold | p50 | p99 | max | errors |\n|---|---|---|---|---|---|---|\n");
            for (Measured m : results) {
                Percentiles p = Percentiles.of(m.micros);
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f ms | %s | %s | %.1f ms | %s |%n", m.query.name(), m.total,
                        m.coldMicros / 1000.0, bold(p.at(50) / 1000.0), bold(p.at(99) / 1000.0), p.max() / 1000.0,
                        m.errors == 0 ? "none" : m.errors + " (" + m.firstError + ")"));
            }
            md.append("\nProjection lag while measuring (the background load at ").append(RATE).append(" events/s):\n\n");
            md.append("| figure | p50 | p99 | max | samples |\n|---|---|---|---|---|\n");
            Percentiles lag = load.measuredLag();
            if (!lag.isEmpty()) {
                md.append(String.format(Locale.ROOT, "| published to work item committed (per event, NOTIFY of the same transaction) | %.1f ms | "
                        + "%.1f ms | %.1f ms | %,d |%n", lag.at(50) / 1000.0, lag.at(99) / 1000.0, lag.max() / 1000.0, lag.count()));
            }
            long polls = after.count() - before.count();
            if (polls > 0) {
                double mean = (after.totalMillis() - before.totalMillis()) / polls;
                double p50 = Percentiles.fromCumulativeBuckets(after.boundsMillis(), before.cumulative(), after.cumulative(), polls, 50);
                double p99 = Percentiles.fromCumulativeBuckets(after.boundsMillis(), before.cumulative(), after.cumulative(), polls, 99);
                md.append(String.format(Locale.ROOT, "| `%s` (per poll: the newest event of each, from its time to the poll applied; "
                                + "bucket upper bounds, mean %.1f ms) | %s | %s | | %,d polls |%n", LAG_TIMER, mean, bucket(p50), bucket(p99),
                        polls));
            }
            List<Long> shown = new ArrayList<>();
            results.forEach(m -> shown.addAll(m.lagMillisShown));
            if (!shown.isEmpty()) {
                Percentiles s = Percentiles.of(shown);
                md.append(String.format(Locale.ROOT, "| `lagSeconds` as each worklist answer showed it | %d ms | %d ms | %d ms | %,d |%n",
                        s.at(50), s.at(99), s.max(), s.count()));
            }
            md.append(String.format(Locale.ROOT, "%nThe load sent %,d events in all (%.0f/s achieved, %,d while measuring), %,d failed; "
                            + "of the %,d timed (the events that tell the employee: opened and decided), %,d never arrived within 60 s "
                            + "after the load stopped.%n%n", load.sent(), load.achievedRate(), load.sentWhileMeasuring(), load.failed(),
                    load.timed(), load.pending()));
            md.append("EXPLAIN ANALYZE of the same SQL after the load (literals: custom plan; prepared: the generic plan):\n\n");
            md.append("| statement | custom plan | generic plan | plan (custom) |\n|---|---|---|---|\n");
            for (Explained e : plans) {
                md.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %s |%n", e.name(), e.customMs(), e.genericMs(),
                        summary(e.customPlan())));
            }
            List<Measured> slow = results.stream().filter(m -> Percentiles.of(m.micros).at(99) / 1000.0 > SLOW_MS).toList();
            md.append("\n");
            if (slow.isEmpty()) {
                md.append("No query's p99 was over ").append((int) SLOW_MS).append(" ms.\n");
            } else {
                md.append("Over ").append((int) SLOW_MS).append(" ms at p99: ")
                        .append(String.join("; ", slow.stream().map(m -> m.query.name()).toList())).append(".\n");
            }
            return md.toString();
        }

        private static String bucket(double ms) {
            return Double.isNaN(ms) ? "n/a" : Double.isInfinite(ms) ? "beyond the last bucket" : String.format(Locale.ROOT, "≤ %.0f ms", ms);
        }

        private static String bold(double ms) {
            String text = String.format(Locale.ROOT, "%.1f ms", ms);
            return ms > SLOW_MS ? "**" + text + "**" : text;
        }

        private static String format(Object value) {
            return value instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : String.valueOf(value);
        }

        /** The plan's nodes, without costs and timings, on one line: how the rows are found. */
        private static String summary(List<String> plan) {
            List<String> nodes = new ArrayList<>();
            for (String line : plan) {
                String node = line.strip().replaceFirst("^->\\s*", "");
                if (line.contains("(cost=") && !node.isEmpty()) {
                    nodes.add(node.substring(0, node.indexOf("(cost=")).strip());
                }
            }
            return String.join(" → ", nodes).replace("|", "\\|");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[workbench-benchmark] " + format + "%n", args);
    }
}
