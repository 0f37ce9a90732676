package arena.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live final's benchmark (issue 10, "Speed"), run by {@code BENCH_SIMULATIONS=live bench/run.sh}. Not a Gatling
 * simulation: the eight terminals must buzz at the same moment on every question (a barrier between them), and every
 * event must be timestamped at every screen, neither of which Gatling's virtual users and SSE checks do.
 *
 * <p>Phase 1, one node: {@code live.screens} big screens follow the stream of node A (one NIO selector thread reads
 * them all, so a screen costs no thread); the host runs {@code live.questions} buzzer questions (NEXT_QUESTION, OPEN,
 * eight terminals buzz at once through a barrier, JUDGE). Phase 2, two nodes: A's screens leave, {@code live.screensB}
 * screens follow node B, and {@code live.twoNodeQuestions} more questions are raced by four terminals on A and four
 * on B. The latency of a WON event at a screen is the screen's receipt time minus the event's {@code at} (the server's
 * time of the buzz): Arena and this program share the machine's wall clock. Afterwards the log is read through the API
 * and every question must have exactly one WON and eight buzzes. Writes {@code live-summary.md} to {@code bench.out}.
 */
public final class LiveBench {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

    private final String urlA = System.getProperty("arena.url", "http://127.0.0.1:8090");
    private final String urlB = System.getProperty("arena.urlB", "http://127.0.0.1:8091");
    private final int screens = Integer.getInteger("live.screens", 2000);
    private final int screensB = Integer.getInteger("live.screensB", 2000);
    private final int questions = Integer.getInteger("live.questions", 1000);
    private final int twoNodeQuestions = Integer.getInteger("live.twoNodeQuestions", 200);
    private final Path out = Path.of(System.getProperty("bench.out", "."));
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
        String rowA = onA.row("WON decided on A → A's screens (one node)", wonSeq -> true, "p95 ≤ 50, p99 ≤ 150");
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
        report.append(String.format("This client (screens, terminals, host) used %.1f s of CPU in all, connecting included (%.2f of a core over the two phases).%n%n",
                clientCpu, clientCpu / (phase1 + phase2)));
        report.append("| measure | (event, screen) pairs | screens missing an event | first screen p50 ms | p50 ms | p95 ms | p99 ms | max ms | target |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        report.append(rowA);
        report.append(onB.row("WON decided on A → B's screens (two nodes)", wonSeq -> "A".equals(wonOn.get(wonSeq)), "p95 ≤ 100"));
        report.append(onB.row("WON decided on B → B's screens", wonSeq -> "B".equals(wonOn.get(wonSeq)), "(for comparison)"));
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
     * Screens following one node's stream, all read by one selector thread. Requests are HTTP/1.0, so the server sends
     * the stream as it is (no chunked framing) until it closes. For every WON event each screen keeps its seq and its
     * latency, the receipt time (taken once per socket read) minus the event's server time.
     */
    private final class Screens {
        final String node;
        final URI base;
        final int count;
        final long after;
        final Screen[] all;
        final Selector selector;
        volatile boolean open = true;
        Thread reader;
        /** The last event of the phase these screens followed. */
        long until = Long.MAX_VALUE;

        Screens(String node, URI base, int count, long after) throws IOException {
            this.node = node;
            this.base = base;
            this.count = count;
            this.after = after;
            this.all = new Screen[count];
            this.selector = Selector.open();
        }

        void connect() throws Exception {
            String request = "GET " + live + "/stream?key=" + key + " HTTP/1.0\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n"
                    + "Last-Event-ID: " + after + "\r\n\r\n";
            reader = new Thread(this::read, "screens-" + node);
            reader.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            // screens arrive 100 at a time, each batch once the one before follows: a node's door lets a burst of
            // thousands wait at most 10 s, then answers 503, as a screen switched on in a crowd would see
            for (int i = 0; i < count; i++) {
                SocketChannel c = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
                c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                c.configureBlocking(false);
                all[i] = new Screen(c);
                c.register(selector, SelectionKey.OP_READ, all[i]); // JDK 11+: no need to wait for the select under way
                if ((i + 1) % 100 == 0) {
                    int upTo = i + 1;
                    while (Arrays.stream(all, 0, upTo).anyMatch(s -> !s.headers) && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                }
            }
            while (Arrays.stream(all).anyMatch(s -> s == null || !s.headers) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long connected = Arrays.stream(all).filter(s -> s.headers).count();
            System.out.printf("%s %d of %d screens on %s are following the stream%n", Instant.now(), connected, count, node);
            if (connected != count) {
                throw new IllegalStateException("only " + connected + " of " + count + " screens connected to " + node);
            }
        }

        void read() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            byte[] bytes = new byte[64 * 1024];
            while (open) {
                try {
                    selector.select(200);
                    Instant now = Instant.now();
                    long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
                    for (SelectionKey k : selector.selectedKeys()) {
                        Screen s = (Screen) k.attachment();
                        buffer.clear();
                        int n = s.channel.read(buffer);
                        if (n < 0) {
                            k.cancel();
                            continue;
                        }
                        buffer.flip();
                        buffer.get(bytes, 0, n);
                        s.take(bytes, n, nowMicros);
                    }
                    selector.selectedKeys().clear();
                } catch (IOException e) {
                    if (open) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        void awaitSeq(long seq, Duration timeout) throws InterruptedException {
            until = seq;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (Arrays.stream(all).anyMatch(s -> s.lastSeq < seq) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long behind = Arrays.stream(all).filter(s -> s.lastSeq < seq).count();
            System.out.printf("%s screens on %s at seq %d; %d behind%n", Instant.now(), node, seq, behind);
        }

        /** Waits, polling briefly, until every screen has event {@code seq}; a screen still behind shows in the report. */
        void awaitSeqQuietly(long seq, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < all.length; i++) {
                while (all[i].lastSeq < seq && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
        }

        void close() throws Exception {
            open = false;
            reader.join();
            for (Screen s : all) {
                s.channel.close();
            }
            selector.close();
        }

        String row(String label, java.util.function.LongPredicate counted, String target) {
            List<Long> wons = new ArrayList<>(wonOn.keySet());
            wons.removeIf(seq -> seq <= after || seq > until || !counted.test(seq));
            int pairs = 0;
            long missing = 0;
            List<int[]> parts = new ArrayList<>();
            for (Screen s : all) {
                int[] mine = s.latencies(wons);
                missing += mine.length < wons.size() ? 1 : 0;
                parts.add(mine);
                pairs += mine.length;
            }
            int[] latencies = new int[pairs];
            int at = 0;
            for (int[] p : parts) {
                System.arraycopy(p, 0, latencies, at, p.length);
                at += p.length;
            }
            Arrays.sort(latencies);
            // the way to the hall's first screen, apart from the spread over all of them
            Map<Long, Integer> first = new HashMap<>();
            for (Screen s : all) {
                for (Long won : wons) {
                    Integer l = s.wonLatency.get(won);
                    if (l != null) {
                        first.merge(won, l, Math::min);
                    }
                }
            }
            int[] firsts = first.values().stream().mapToInt(Integer::intValue).sorted().toArray();
            return String.format("| %s | %,d | %d | %s | %s | %s | %s | %s | %s |%n", label, pairs, missing, ms(firsts, 0.50),
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

    private static final byte[] DATA_SEQ = "data:{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WON = "\"result\":\"WON\"".getBytes(StandardCharsets.US_ASCII);

    /** Each WON's server time in µs, parsed once for all the screens (they share one reading thread). */
    private static final Map<Long, Long> wonAt = new ConcurrentHashMap<>();

    private static long micros(String instant) {
        Instant at = Instant.parse(instant);
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    /** One screen's connection: its unparsed text and, per WON event received, seq and latency in µs. */
    private static final class Screen {
        final SocketChannel channel;
        final StringBuilder pending = new StringBuilder();
        final Map<Long, Integer> wonLatency = new HashMap<>();
        byte[] line = new byte[1024];
        int lineLength;
        volatile boolean headers;
        volatile long lastSeq;

        Screen(SocketChannel channel) {
            this.channel = channel;
        }

        /**
         * Takes what one read brought: the response's headers, then the stream's lines. Lines are scanned as bytes, the
         * seq read off the fixed start of each {@code data:{"seq":N,} line and a WON's time parsed once per event:
         * this one thread reads 2,000 screens on the machine under test, so its own cost is kept to the socket read.
         */
        void take(byte[] bytes, int n, long nowMicros) {
            int from = 0;
            if (!headers) {
                pending.append(new String(bytes, 0, n, StandardCharsets.ISO_8859_1));
                int end = pending.indexOf("\r\n\r\n");
                if (end < 0) {
                    return;
                }
                if (!pending.substring(0, 12).contains(" 200")) {
                    throw new IllegalStateException("stream refused: " + pending);
                }
                from = n - (pending.length() - (end + 4));
                pending.setLength(0);
                headers = true;
            }
            for (int i = from; i < n; i++) {
                byte b = bytes[i];
                if (b != '\n') {
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLength++] = b;
                    continue;
                }
                if (lineLength > DATA_SEQ.length && startsWith(DATA_SEQ)) {
                    long seq = 0;
                    for (int j = DATA_SEQ.length; j < lineLength && line[j] >= '0' && line[j] <= '9'; j++) {
                        seq = seq * 10 + (line[j] - '0');
                    }
                    if (contains(WON)) {
                        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
                        wonLatency.put(seq, (int) (nowMicros - wonAt.computeIfAbsent(seq, x -> micros(group(AT, text)))));
                    }
                    lastSeq = seq;
                }
                lineLength = 0;
            }
        }

        private boolean startsWith(byte[] prefix) {
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean contains(byte[] part) {
            outer:
            for (int i = 0; i + part.length <= lineLength; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (line[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        int[] latencies(List<Long> wons) {
            return wons.stream().map(wonLatency::get).filter(x -> x != null).mapToInt(Integer::intValue).toArray();
        }
    }

}
