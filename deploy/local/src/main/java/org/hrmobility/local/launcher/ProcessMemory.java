package org.hrmobility.local.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Resident memory of a process, and of a process with its children (PostgreSQL forks one per connection). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident set size in MiB, or -1 where /proc cannot tell (not Linux, process gone). */
    static long rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static long treeRssMib(long pid) {
        long own = rssMib(pid);
        if (own < 0) {
            return -1;
        }
        return own + children(pid).stream().mapToLong(ProcessMemory::treeRssMib).filter(m -> m > 0).sum();
    }

    private static List<Long> children(long pid) {
        return ProcessHandle.of(pid).map(p -> p.children().map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /** The postmaster's pid, from the first line of postmaster.pid in the data directory. */
    static long postmasterPid(Path dataDirectory) {
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::trim).map(Long::parseLong).orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
