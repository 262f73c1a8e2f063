package io.tidecrm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Figures that tests measured (races run and their winners, faults survived), appended to
 * {@code target/reliability/<file>}; {@code reliability/run} copies them into RELIABILITY.md.
 */
public final class ReliabilityFigures {

    private ReliabilityFigures() {
    }

    public static synchronized void record(String file, String line) {
        try {
            Path dir = Path.of("target/reliability");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
