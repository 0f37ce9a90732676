package arena.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Successful responses per wall-clock second, per request name. Gatling's report shows the totals and percentiles;
 * this gives the sustained rate over a chosen window (the steady state), written as CSV for bench/run.sh.
 */
final class Meter {

    private final Map<String, Map<Long, LongAdder>> counts = new ConcurrentHashMap<>();

    void ok(String name) {
        counts.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(System.currentTimeMillis() / 1000, s -> new LongAdder()).increment();
    }

    /** Writes {@code name,epochSecond,count} lines to {@code $BENCH_OUT/<file>} (or the working directory). */
    void write(String file) {
        StringBuilder csv = new StringBuilder("name,second,count\n");
        counts.forEach((name, bySecond) -> new TreeMap<>(bySecond)
                .forEach((second, n) -> csv.append(name).append(',').append(second).append(',').append(n.sum()).append('\n')));
        Path out = Path.of(System.getProperty("bench.out", ".")).resolve(file);
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
