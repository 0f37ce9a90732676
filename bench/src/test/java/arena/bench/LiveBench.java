package arena.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live final's benchmark (issue 10, "Speed"), run by {@code BENCH_SIMULATIONS=live bench/run.sh}. Not a Gatling
 * simulation: the eight terminals must buzz at the same moment on every question (a barrier between them), and every
 * event must be timestamped at every screen, neither of which Gatling's virtual users and SSE checks do.
 *
 * <p>Phase 1, one node: {@code live.screens} big screens follow the stream of node A (read by {@code bench/screens.c},
 * see {@link Screens}); the host runs {@code live.questions} buzzer questions (NEXT_QUESTION, OPEN,
 * eight terminals buzz at once through a barrier, JUDGE). Phase 2, two nodes: A's screens leave, {@code live.screensB}
 * screens follow node B, and {@code live.twoNodeQuestions} more questions are raced by four terminals on A and four
 * on B. The latency of a WON event at a screen is the time it arrived at the screen's socket with the final's state
 * after it (what the live pages render the winner from, carried by the last event of each sending), and apart from
 * that the time the screens program read it, minus the event's {@code at} (the server's time of the buzz): Arena and
 * the screens share the machine's wall clock. Afterwards the log is read through the API
 * and every question must have exactly one WON and eight buzzes. Writes {@code live-summary.md} to {@code bench.out}.
 */
public final class LiveBench {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final String urlA = System.getProperty("arena.url", "http://127.0.0.1:8090");
    private final String urlB = System.getProperty("arena.urlB", "http://127.0.0.1:8091");
    private final int screens = Integer.getInteger("live.screens", 2000);
    private final int screensB = Integer.getInteger("live.screensB", 2000);
    private final int questions = Integer.getInteger("live.questions", 1000);
    private final int twoNodeQuestions = Integer.getInteger("live.twoNodeQuestions", 200);
    private final Path out = Path.of(System.getProperty("bench.out", "."));
    private final String screensProgram = System.getProperty("live.screensProgram", "bench/target/screens");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String stage;
    private final String key;
    private final String hostAuth;
    private final List<String> terminals;
    private final String live;
    /** The node that decided each WON (its seq → "A" or "B"), as the winning terminal's response says. */
    private final Map<Long, String> wonOn = new ConcurrentHashMap<>();
    private int commands;

    private LiveBench() throws IOException {
        String seed = Files.readString(out.resolve("live-seed.json"));
        stage = field(seed, "stage");
        key = field(seed, "key");
        hostAuth = "Bearer " + field(seed, "hostToken");
        Matcher m = Pattern.compile("\"([A-Za-z0-9._~+/=-]{20,})\"").matcher(seed.substring(seed.indexOf("\"terminals\"")));
        terminals = new ArrayList<>();
        while (m.find()) {
            terminals.add(m.group(1));
        }
        if (terminals.size() != 8) {
            throw new IllegalStateException("expected 8 terminal tokens in live-seed.json, found " + terminals.size());
        }
        live = "/api/v1/stages/" + stage + "/live";
    }

    public static void main(String[] args) throws Exception {
        new LiveBench().run();
    }

    private void run() throws Exception {
        StringBuilder report = new StringBuilder();
        // A stream sends its headers with its first event: each screen joins one event back, to see it is connected.
        command("START", null);
        command("NEXT_ROUND", null);
        Screens onA = new Screens("A", URI.create(urlA), screens, seq() - 1);
        onA.connect();
        long started = System.nanoTime();
        race(0, questions, false, onA);
        double phase1 = (System.nanoTime() - started) / 1e9;
        long lastA = seq();
        onA.awaitSeq(lastA, Duration.ofSeconds(60));
        onA.close();
        String rowA = onA.rows("WON decided on A → A's screens (one node)", wonSeq -> true, "p95 ≤ 50, p99 ≤ 150");
        System.out.print(rowA);

        Screens onB = new Screens("B", URI.create(urlB), screensB, lastA - 1);
        onB.connect();
        started = System.nanoTime();
        race(questions, twoNodeQuestions, true, onB);
        double phase2 = (System.nanoTime() - started) / 1e9;
        long last = seq();
        onB.awaitSeq(last, Duration.ofSeconds(60));
        onB.close();

        Check check = check();
        double clientCpu = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1e9;
        report.append("## Live final (BENCH_SIMULATIONS=live)\n\n");
        report.append(String.format("Phase 1, one node: %,d buzzer questions × 8 terminals on node A in %.1f s, %,d screens on A.%n",
                questions, phase1, screens));
        report.append(String.format("Phase 2, two nodes: %,d questions, 4 terminals on A and 4 on B, in %.1f s, %,d screens on B.%n%n",
                twoNodeQuestions, phase2, screensB));
        report.append(String.format("Log check (GET %s/events?after=0 by the host): %s%n%n", live, check));
        report.append(String.format("The terminals and the host (this JVM) used %.1f s of CPU in all (%.2f of a core over the two phases); "
                + "the screens programs %.1f s on A's phase and %.1f s on B's, connecting included (%.2f and %.2f of a core); reads without the kernel's receive time: %,d on A, %,d on B.%n%n",
                clientCpu, clientCpu / (phase1 + phase2), onA.cpuSeconds, onB.cpuSeconds, onA.cpuSeconds / phase1, onB.cpuSeconds / phase2,
                onA.untimed, onB.untimed));
        report.append("On arrival: the kernel's receive time of the read's last segment at the screen's socket (SO_TIMESTAMPNS), "
                + "where a screen across the hall would have it; when read: the time the screens program read it.\n\n");
        report.append("| measure | (event, screen) pairs | screens missing an event | first screen p50 ms | p50 ms | p95 ms | p99 ms | max ms | target |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        report.append(rowA);
        report.append(onB.rows("WON decided on A → B's screens (two nodes)", wonSeq -> "A".equals(wonOn.get(wonSeq)), "p95 ≤ 100"));
        report.append(onB.rows("WON decided on B → B's screens", wonSeq -> "B".equals(wonOn.get(wonSeq)), "(for comparison)"));
        Files.writeString(out.resolve("live-summary.md"), report);
        System.out.print(report);
        if (!check.ok()) {
            System.exit(1);
        }
    }

    /**
     * Runs {@code count} buzzer questions: shown, opened, eight terminals buzz at once, judged correct; then, as a host
     * waits for the hall's screen to show the result before the next question, until the screens have the judgement.
     * Without that wait the bench sends questions back to back, five a second, and measures its own backlog of
     * 2,000-screen deliveries queued behind each other instead of one buzz's way to the screens.
     */
    private void race(int from, int count, boolean twoNodes, Screens watching) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CyclicBarrier go = new CyclicBarrier(8);
        try {
            for (int q = from; q < from + count; q++) {
                command("NEXT_QUESTION", null);
                // a team buzzes once it sees the buzzers open: on the terminal, in the hall, some hundred ms after
                // the host's click; buzzing before the OPEN reached the screens would time the OPEN's own delivery
                watching.awaitSeqQuietly(command("OPEN", null), Duration.ofSeconds(10));
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    String node = twoNodes && t % 2 == 1 ? "B" : "A";
                    String token = terminals.get(t);
                    results.add(pool.submit(() -> {
                        go.await();
                        String body = post(node.equals("A") ? urlA : urlB, live + "/buzz", "Bearer " + token, "{}");
                        if (body.contains("\"WON\"")) {
                            wonOn.put(Long.parseLong(group(SEQ, body)), node);
                        }
                        return body;
                    }));
                }
                int won = 0;
                for (Future<String> r : results) {
                    won += r.get().contains("\"WON\"") ? 1 : 0;
                }
                if (won != 1) {
                    throw new IllegalStateException("question " + (q + 1) + ": " + won + " WON responses");
                }
                watching.awaitSeqQuietly(command("JUDGE", true), Duration.ofSeconds(10));
                if ((q + 1) % 100 == 0) {
                    System.out.printf("%s %d questions%n", Instant.now(), q + 1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A host's command, from the console on node A; its answer's {@code seq}, the event it appended. */
    private long command(String type, Boolean correct) throws Exception {
        commands++;
        String answer = post(urlA, live + "/commands", hostAuth, "{\"commandId\":\"bench-" + commands + "\",\"type\":\"" + type + "\""
                + (correct == null ? "" : ",\"correct\":" + correct) + "}");
        return Long.parseLong(group(SEQ, answer)); // the answer's first seq is its own, before the state's
    }

    private long seq() throws Exception {
        return Long.parseLong(group(Pattern.compile("\"seq\":(\\d+)"), get(urlA, live + "/host", hostAuth)));
    }

    private String post(String base, String path, String auth, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String get(String base, String path, String auth) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).header("Accept", "application/json").build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    record Check(int questions, int buzzes, int questionsWithOneWon, int questionsWithEightBuzzes, boolean ok) {
        @Override
        public String toString() {
            return String.format("%s — %,d buzz events on %,d questions; %,d questions with exactly one WON, %,d with all 8 buzzes",
                    ok ? "**PASS**" : "**FAIL**", buzzes, questions, questionsWithOneWon, questionsWithEightBuzzes);
        }
    }

    /** Reads the whole log through the API: every question has exactly one WON and all eight buzzes. */
    private Check check() throws Exception {
        String events = get(urlA, live + "/events?after=0", hostAuth);
        Map<String, int[]> perQuestion = new HashMap<>(); // questionId → {buzzes, wons}
        int buzzes = 0;
        Matcher e = Pattern.compile("\\{\"seq\":[^{}]*\"type\":\"BUZZED\"[^{}]*}").matcher(events);
        while (e.find()) {
            String event = e.group();
            int[] n = perQuestion.computeIfAbsent(group(Pattern.compile("\"questionId\":(\\d+)"), event), q -> new int[2]);
            n[0]++;
            n[1] += event.contains("\"result\":\"WON\"") ? 1 : 0;
            buzzes++;
        }
        int total = questions + twoNodeQuestions;
        int oneWon = (int) perQuestion.values().stream().filter(n -> n[1] == 1).count();
        int eight = (int) perQuestion.values().stream().filter(n -> n[0] == 8).count();
        return new Check(perQuestion.size(), buzzes, oneWon, eight,
                perQuestion.size() == total && oneWon == total && eight == total && buzzes == 8 * total);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in live-seed.json");
        }
        return m.group(1).trim();
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + text);
        }
        return m.group(1);
    }

    /**
     * Screens following one node's stream: {@code bench/screens.c}, one C process reading them all in one epoll loop,
     * so that the load it adds to the machine it shares with the node is the socket reads and little more. It answers
     * "seq S" once every screen has event S; when its input closes it writes, per screen and WON event, the latency on
     * arrival at the screen's socket (the kernel's receive time) and when it read it, both from the event's {@code at}.
     */
    private final class Screens {
        final String node;
        final URI base;
        final int count;
        final long after;
        final Path results;
        Process process;
        /** Every screen has the events up to this seq. */
        long allHave;
        /** The last event of the phase these screens followed. */
        long until = Long.MAX_VALUE;
        /** Reads that came without the kernel's receive time (their arrival is taken as read). */
        long untimed;
        /** The screens program's CPU, connecting included. */
        double cpuSeconds;
        /** Per screen: WON seq → {latency on arrival, latency when read}, µs. */
        final List<Map<Long, int[]>> won = new ArrayList<>();

        Screens(String node, URI base, int count, long after) {
            this.node = node;
            this.base = base;
            this.count = count;
            this.after = after;
            this.allHave = after;
            this.results = out.resolve("screens-" + node + ".txt");
        }

        void connect() throws Exception {
            process = new ProcessBuilder(screensProgram, base.getHost(), String.valueOf(base.getPort()), live + "/stream?key=" + key,
                    String.valueOf(after), String.valueOf(count), results.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            String first = lines.readLine();
            if (first == null || !first.equals("connected " + count)) {
                throw new IllegalStateException("the screens on " + node + " did not all connect (" + first + "); see the lines above");
            }
            System.out.printf("%s %d of %d screens on %s are following the stream%n", Instant.now(), count, count, node);
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("seq ")) {
                            synchronized (this) {
                                allHave = Long.parseLong(line.substring(4));
                                notifyAll();
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "screens-" + node);
            reader.setDaemon(true);
            reader.start();
        }

        void awaitSeq(long seq, Duration timeout) throws InterruptedException {
            until = seq;
            awaitSeqQuietly(seq, timeout);
            System.out.printf("%s screens on %s: every screen has the events up to seq %d (waited for %d)%n", Instant.now(), node, allHave, seq);
        }

        /** Waits until every screen has event {@code seq}; a screen still behind shows in the report. */
        synchronized void awaitSeqQuietly(long seq, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (allHave < seq && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }

        void close() throws Exception {
            cpuSeconds = process.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the screens program on " + node + " did not end well");
            }
            for (int i = 0; i < count; i++) {
                won.add(new HashMap<>());
            }
            try (var lines = Files.lines(results)) {
                lines.forEach(line -> {
                    if (line.startsWith("# untimed ")) {
                        untimed = Long.parseLong(line.substring(10));
                        return;
                    }
                    String[] f = line.split(" ");
                    won.get(Integer.parseInt(f[0])).put(Long.parseLong(f[1]), new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
                });
            }
        }

        /** Two rows for the WONs {@code counted}: on arrival at the screens' sockets, and when the program read them. */
        String rows(String label, java.util.function.LongPredicate counted, String target) {
            return row(label + " — on arrival", counted, target, 0) + row(label + " — when read", counted, "", 1);
        }

        private String row(String label, java.util.function.LongPredicate counted, String target, int which) {
            List<Long> wons = new ArrayList<>(wonOn.keySet());
            wons.removeIf(seq -> seq <= after || seq > until || !counted.test(seq));
            List<Integer> all = new ArrayList<>();
            long missing = 0;
            Map<Long, Integer> first = new HashMap<>(); // the way to the hall's first screen, apart from the spread
            for (Map<Long, int[]> screen : won) {
                int mine = 0;
                for (Long seq : wons) {
                    int[] l = screen.get(seq);
                    if (l != null) {
                        all.add(l[which]);
                        first.merge(seq, l[which], Math::min);
                        mine++;
                    }
                }
                missing += mine < wons.size() ? 1 : 0;
            }
            int[] latencies = all.stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] firsts = first.values().stream().mapToInt(Integer::intValue).sorted().toArray();
            return String.format("| %s | %,d | %d | %s | %s | %s | %s | %s | %s |%n", label, latencies.length, missing, ms(firsts, 0.50),
                    ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), ms(latencies, 1.0), target);
        }
    }

    private static String ms(int[] sortedMicros, double quantile) {
        if (sortedMicros.length == 0) {
            return "–";
        }
        int i = Math.min(sortedMicros.length - 1, (int) Math.ceil(quantile * sortedMicros.length) - 1);
        return String.format("%.1f", sortedMicros[Math.max(0, i)] / 1000.0);
    }
}
