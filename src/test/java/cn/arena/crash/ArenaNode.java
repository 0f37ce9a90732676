package cn.arena.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/arena-*.jar}) running as a child process, as an operator would run it:
 * {@code java -jar} in its own working directory (so the embedded database is its {@code ./data/}), configured only
 * through the documented environment variables. It can be killed with SIGKILL and started again on the same port.
 */
final class ArenaNode implements AutoCloseable {

    /** What {@code Process#exitValue()} reports on Linux for a process ended by signal 9 (128 + 9). */
    private static final int KILLED_BY_SIGKILL = 137;
    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path workDir;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    ArenaNode(Path workDir, Map<String, String> environment) {
        this.jar = packagedJar();
        this.workDir = workDir;
        this.environment = environment;
        this.port = freePort();
        this.log = workDir.resolve("arena.log");
    }

    int port() {
        return port;
    }

    /** Starts the node and waits, at most {@code timeout}, until {@code /actuator/health} answers UP. */
    void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only what this test sets: no database or key leaks in from the environment of the build.
        builder.environment().keySet().removeIf(name -> name.startsWith("ARENA_") || name.equals("PORT"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Arena exited with " + process.exitValue() + " during start-up:\n" + logTail());
            }
            if (healthy()) {
                return;
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("Arena was not UP within " + timeout + ":\n" + logTail());
    }

    /** Kills the node with SIGKILL (no shutdown hook, no graceful stop) and proves that it is gone. */
    void killHard() {
        long pid = process.pid();
        // On Linux destroy() sends SIGTERM and destroyForcibly() SIGKILL when normal termination is supported.
        assertThat(process.supportsNormalTermination()).isTrue();
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed node ends").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(process.exitValue()).as("exit status of a process ended by SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d is gone", pid).isFalse();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean healthy() {
        try {
            var response = HEALTH.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("target").toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("arena-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no target/arena-*.jar: run through `./mvnw verify` (package comes first)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
