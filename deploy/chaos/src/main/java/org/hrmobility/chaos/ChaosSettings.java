package org.hrmobility.chaos;

import java.nio.file.Path;

/**
 * The campaign's size, from {@code -Dchaos.size}: {@code full} (default) 20,000 commands at 20 a second with five broker
 * kills, two immediate PostgreSQL restarts, one instance of each service killed and a gateway restart; {@code short}
 * (CI) about 1,000 commands at 10 a second with one fault of each kind. {@code -Dchaos.commands} and {@code -Dchaos.rate}
 * change the numbers; {@code -Dchaos.fail-on-findings=false} reports without failing.
 */
record ChaosSettings(String size, int commands, double rate, int brokerKills, int postgresRestarts, int instanceKills,
                     int gatewayRestarts, Path home, Path out, Path docs, boolean writeDocs, boolean failOnFindings) {

    static final int INSTANCES = 2;
    static final int BROKERS = 3;

    static ChaosSettings fromSystemProperties() {
        String size = property("chaos.size", "full");
        boolean full = !size.equals("short");
        Path home = Path.of(property("hrm.home", ".")).toAbsolutePath().normalize();
        Path out = Path.of(property("chaos.out", home.resolve("deploy/chaos/target/chaos").toString()));
        Path docs = Path.of(property("chaos.docs", home.resolve("docs/reliability.md").toString()));
        return new ChaosSettings(full ? "full" : "short",
                Integer.parseInt(property("chaos.commands", full ? "20000" : "1000")),
                Double.parseDouble(property("chaos.rate", full ? "20" : "10")),
                full ? 5 : 1, full ? 2 : 1, 4, 1, home, out, docs,
                // the full run's table goes into the docs; a short one (CI) only when asked
                Boolean.parseBoolean(property("chaos.write-docs", String.valueOf(full))),
                Boolean.parseBoolean(property("chaos.fail-on-findings", "true")));
    }

    /** A system property, or the default when it is absent or blank (Maven passes unset properties as empty). */
    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** How long the load runs at its rate. */
    double loadSeconds() {
        return commands / rate;
    }

    /** The command line that reproduces this run. */
    String command() {
        boolean full = size.equals("full");
        return "./mvnw -B -Pchaos -pl deploy/chaos -am verify -DskipTests" + (full ? "" : " -Dchaos.size=short")
                + (commands != (full ? 20_000 : 1_000) ? " -Dchaos.commands=" + commands : "")
                + (rate != (full ? 20 : 10) ? " -Dchaos.rate=" + (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) : "");
    }
}
