package org.hrmobility.load.figures;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's own pace: how many single-row inserts, each its own committed transaction, the suite's database
 * takes per second from this many clients at once. The yardstick for a write command, which commits one
 * transaction too (with its outbox row and audit entry).
 */
final class RawCommits {

    private RawCommits() {
    }

    static double perSecond(String jdbcUrl, String user, String password, int clients, Duration duration) throws Exception {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password); Statement s = admin.createStatement()) {
            s.execute("create table if not exists perf_commit (id bigserial primary key, written_at timestamptz not null, note text)");
            s.execute("truncate perf_commit");
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                     PreparedStatement insert = db.prepareStatement("insert into perf_commit (written_at, note) values (now(), ?)")) {
                    db.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setString(1, "one row, one commit");
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return commits.get() / ((System.nanoTime() - start) / 1e9);
    }
}
