package org.hrmobility.local.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The suite driven by another program (the chaos run) through the launcher's standard input and output, with
 * {@code up --control}. Once the suite is ready the launcher prints {@code hrm-control ready <status>}; then every line
 * read is a command {@code <id> <verb> [process]}, answered, in the order the commands finish, with
 * {@code hrm-control <id> ok <json>} or {@code hrm-control <id> error <message>}:
 * <ul>
 *   <li>{@code status}: every process, its kind, address and pid (-1 when it does not run), and where the suite is;</li>
 *   <li>{@code restart <process>}: starts it again and answers once it is ready ({@code {"seconds":..}}): a service
 *       instance or the gateway (stopped gracefully first if it runs), a Kafka node ({@code kafka-2}) that was killed,
 *       {@code postgres} (stopped immediately and started on the same data and port);</li>
 *   <li>{@code kill <process>}: SIGKILL (a service instance, the gateway, a Kafka node);</li>
 *   <li>{@code stop <process>}: SIGTERM and wait (a service instance, the gateway).</li>
 * </ul>
 * Commands run side by side (a service restart does not hold up a broker's). The end of the input stops the suite.
 */
final class SuiteControl {

    static final String PREFIX = "hrm-control";
    private static final Logger log = LoggerFactory.getLogger(SuiteControl.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalSuite suite;
    private final PrintStream out;

    private SuiteControl(LocalSuite suite, PrintStream out) {
        this.suite = suite;
        this.out = out;
    }

    static void listen(LocalSuite suite, InputStream in, PrintStream out) {
        SuiteControl control = new SuiteControl(suite, out);
        control.answer("ready", control.status());
        Thread reader = new Thread(() -> control.read(in), "suite-control");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    String command = line.trim();
                    Thread worker = new Thread(() -> run(command), "suite-control-" + command.split("\\s+")[0]);
                    worker.setDaemon(true);
                    worker.start();
                }
            }
        } catch (IOException e) {
            log.warn("control input unreadable: {}", e.getMessage());
        }
        log.info("control input closed: stopping the suite");
        suite.close();
        System.exit(0);
    }

    /** Runs one command line and prints its answer. */
    void run(String line) {
        String[] words = line.split("\\s+");
        String id = words[0];
        try {
            if (words.length < 2) {
                throw new LaunchException("a command is: <id> status | restart <process> | kill <process> | stop <process>");
            }
            String verb = words[1];
            String process = words.length > 2 ? words[2] : null;
            Object result = switch (verb) {
                case "status" -> status();
                case "restart" -> Map.of("process", required(process, verb), "seconds", suite.restart(process));
                case "kill" -> {
                    suite.kill(required(process, verb));
                    yield Map.of("process", process);
                }
                case "stop" -> {
                    suite.stop(required(process, verb));
                    yield Map.of("process", process);
                }
                default -> throw new LaunchException("unknown command " + verb + "; use status, restart, kill or stop");
            };
            answer(id + " ok", result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(id, "interrupted");
        } catch (RuntimeException e) {
            error(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static String required(String process, String verb) {
        if (process == null) {
            throw new LaunchException(verb + " needs a process name");
        }
        return process;
    }

    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("gateway", suite.options().publicUrl());
        status.put("issuer", suite.options().issuer());
        status.put("kafka", suite.endpoints().kafkaBootstrapServers());
        status.put("postgresHost", suite.endpoints().postgresHost());
        status.put("postgresPort", suite.endpoints().postgresPort());
        status.put("postgresUser", suite.endpoints().postgresUser());
        status.put("postgresPassword", suite.endpoints().postgresPassword());
        status.put("logs", String.valueOf(suite.logs()));
        status.put("instances", suite.options().instances());
        status.put("brokers", suite.options().brokers());
        List<Map<String, Object>> processes = suite.processes().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("service", p.service());
            m.put("kind", p.kind());
            m.put("address", p.address());
            m.put("pid", p.pid());
            return m;
        }).toList();
        status.put("processes", processes);
        return status;
    }

    private void answer(String head, Object json) {
        String line = PREFIX + " " + head + " " + JSON.writeValueAsString(json);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private void error(String id, String message) {
        synchronized (out) {
            out.println(PREFIX + " " + id + " error " + message.replace('\n', ' '));
            out.flush();
        }
    }
}
