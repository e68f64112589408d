package org.hrmobility.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** Just enough of the tar format to read an image archive and its layers: regular files by name (ustar, pax, GNU). */
final class Tar {

    private Tar() {
    }

    /** The content of the first regular file whose name (without a leading "./") matches. */
    static Optional<byte[]> find(InputStream tar, Predicate<String> name) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String entry = longName != null ? longName : field(header, 345, 155).isEmpty() ? field(header, 0, 100)
                    : field(header, 345, 155) + "/" + field(header, 0, 100);
            longName = null;
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            byte[] content = null;
            if (type == '0' || type == 0 || type == 'x' || type == 'L') {
                content = tar.readNBytes((int) size);
            } else {
                tar.skipNBytes(size);
            }
            tar.skipNBytes((512 - size % 512) % 512);
            if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).trim();
            } else if (type == 'x') {
                longName = pax(content).get("path");
            } else if ((type == '0' || type == 0) && name.test(entry.replaceFirst("^\\./", ""))) {
                return Optional.of(content);
            }
        }
        return Optional.empty();
    }

    static Optional<byte[]> findInLayer(byte[] layer, Predicate<String> name) throws IOException {
        boolean gzip = layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(layer)) : new ByteArrayInputStream(layer)) {
            return find(in, name);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static Map<String, String> pax(byte[] content) {
        Map<String, String> records = new java.util.HashMap<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int space = line.indexOf(' ');
            int equals = line.indexOf('=');
            if (space > 0 && equals > space) {
                records.put(line.substring(space + 1, equals), line.substring(equals + 1));
            }
        }
        return records;
    }
}
