package org.hrmobility.load.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.AppInfoParser;

/**
 * What the figures were measured on: the machine, and the versions and settings that shape them.
 *
 * @param durable whether PostgreSQL flushes a commit to the disk before answering it, its full pages too
 *                ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on), as production runs it
 */
record Machine(int cores, long memoryMib, String os, String java, String kafka, String postgres, String commitSettings,
               boolean durable) {

    static Machine describe(String jdbcUrl) {
        String postgres = "?";
        String commit = "?";
        boolean durable = false;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = db.createStatement()) {
            postgres = one(s, "show server_version");
            String fsync = one(s, "show fsync");
            String synchronousCommit = one(s, "show synchronous_commit");
            String fullPageWrites = one(s, "show full_page_writes");
            commit = "fsync " + fsync + ", synchronous_commit " + synchronousCommit + ", full_page_writes " + fullPageWrites;
            durable = fsync.equals("on") && !synchronousCommit.equals("off") && !synchronousCommit.equals("local")
                    && fullPageWrites.equals("on");
        } catch (Exception e) {
            // the figures stand without it
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMib(), osName(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), AppInfoParser.getVersion(), postgres, commit, durable);
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long totalMemoryMib() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String osName() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
            return lines.filter(l -> l.startsWith("PRETTY_NAME=")).findFirst().map(l -> l.substring(12).replace("\"", ""))
                    .orElse(System.getProperty("os.name"));
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }
}
