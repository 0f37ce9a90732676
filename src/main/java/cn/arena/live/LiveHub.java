package cn.arena.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's live streams: the screens and terminals following each final. Woken when an event is committed (here,
 * or on another node through {@link LiveNotifications}), it reads the events after the last one it sent from the log
 * and sends them; the log, not the wake-up, carries the events, so a lost or doubled wake-up loses or doubles nothing.
 *
 * <p>The events read are encoded as Server-Sent Events once per kind of reader, and the same bytes go to every stream
 * of that kind, written straight to its response without blocking: with 2,000 screens on a node that is what keeps a
 * buzz's way to the screens short, and a screen whose network stalls keeps its own backlog instead of holding up the
 * hall (see {@link LiveStream}).
 *
 * <p>The last event of each sending carries the final's {@code state} after it, as {@code GET …/live} gives it to
 * readers (never an answer before reveal): each channel folds the events it sends, so a screen shows an event the
 * moment it arrives. Fetching the state after every event instead cost 2,000 screens seconds per event.
 */
@Component
class LiveHub implements SmartLifecycle {

    private static final long STREAM_TIMEOUT = Duration.ofHours(12).toMillis();

    private final LiveStore store;
    private final LiveView view;
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService senders = daemons(4, "live-send");
    /**
     * A delivery to many streams is written by this many threads, each to its share of the streams
     * ({@code arena.live.writers}; 0, the default: one per core).
     */
    private final int writers;
    private final ExecutorService writing;

    LiveHub(LiveStore store, LiveView view, @Value("${arena.live.writers:0}") int writers) {
        this.store = store;
        this.view = view;
        this.writers = writers > 0 ? writers : Runtime.getRuntime().availableProcessors();
        this.writing = daemons(this.writers, "live-write");
    }

    /**
     * The streams of one final and the fold of the events they have been sent: {@code sent.seq} is the last seq every
     * subscriber has been given. Folded here from the log in its order, it is the state any node reads at that seq.
     */
    private final class Channel {
        final long stageId;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicBoolean pending = new AtomicBoolean();
        final List<LiveStream> subscribers = new CopyOnWriteArrayList<>();
        @Nullable LiveState sent;

        Channel(long stageId) {
            this.stageId = stageId;
        }

        /** Gives a new subscriber the events after {@code after}, then adds it to the live ones. */
        void join(LiveStream s, long after) {
            lock.lock();
            try {
                if (sent == null) {
                    LiveConfig config = store.session(stageId).orElseThrow().config();
                    sent = LiveState.fold(config.baseScore(), config.rounds(), store.events(stageId, 0, Long.MAX_VALUE));
                }
                subscribers.add(s);
                List<LiveEvent> missed = store.events(stageId, after, sent.seq);
                if (!missed.isEmpty()) {
                    s.offer(new Frames(missed, stateJson(sent)));
                }
            } finally {
                lock.unlock();
            }
        }

        void deliver() {
            lock.lock();
            try {
                if (sent == null) {
                    return;
                }
                List<LiveEvent> events = store.events(stageId, sent.seq, Long.MAX_VALUE);
                if (events.isEmpty()) {
                    return;
                }
                events.forEach(sent::apply);
                offerAll(subscribers.toArray(LiveStream[]::new), new Frames(events, stateJson(sent)), writing, writers);
            } finally {
                lock.unlock();
            }
        }

        /** The state as every reader but the host reads it; events exist only from START on, so no team is waiting. */
        private String stateJson(LiveState state) {
            return LiveStore.JSON.writeValueAsString(view.of(state, LiveSessions.Reader.READER, List.of()));
        }
    }

    /**
     * Offers the frames to every stream and returns when each has them. From 2 × {@link #SHARE} streams on, the
     * streams are cut into up to one share per core, written side by side, the last share on this thread: a delivery's
     * cost is one small loopback write per stream (about 20 µs of the node's CPU per screen in the bench), and 2,000
     * of them one after another were most of a buzz's way to the hall's screens.
     */
    static void offerAll(LiveStream[] streams, Frames frames, ExecutorService writing, int writers) {
        int shares = Math.min(writers, Math.max(1, streams.length / SHARE));
        int size = (streams.length + shares - 1) / shares;
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int from = 0; from + size < streams.length; from += size) {
            int start = from;
            others.add(CompletableFuture.runAsync(() -> offer(streams, start, start + size, frames), writing));
        }
        offer(streams, others.size() * size, streams.length, frames);
        others.forEach(CompletableFuture::join);
    }

    private static final int SHARE = 250;

    private static void offer(LiveStream[] streams, int from, int to, Frames frames) {
        for (int i = from; i < to; i++) {
            streams[i].offer(frames);
        }
    }

    private static ExecutorService daemons(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Makes the request a stream of the final's events after {@code after}, and then the live ones. */
    void subscribe(HttpServletRequest request, HttpServletResponse response, long stageId, long after, LiveSessions.Reader reader)
            throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front passes each event on at once
        // the container's own request and response, not the filters' wrappers: a stream's writes and readiness checks
        // otherwise cross four wrapper layers each, thousands of times per event
        AsyncContext async = request.startAsync();
        async.setTimeout(STREAM_TIMEOUT);
        Channel channel = channels.computeIfAbsent(stageId, Channel::new);
        LiveStream stream = new LiveStream(async.getResponse().getOutputStream(), reader, ended -> {
            channel.subscribers.remove(ended);
            try {
                async.complete();
            } catch (IllegalStateException alreadyOver) {
                // the container ended it first
            }
        });
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                stream.close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                stream.close();
            }

            @Override
            public void onError(AsyncEvent event) {
                stream.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        channel.join(stream, after);
        stream.listen();
    }

    /** An event of this final was committed: send the log's new events to its streams, off the caller's thread. */
    void committed(long stageId, long seq) {
        Channel channel = channels.get(stageId);
        if (channel != null && channel.pending.compareAndSet(false, true)) {
            senders.execute(() -> {
                channel.pending.set(false);
                channel.deliver();
            });
        }
    }

    /** After a lost connection to the other nodes: every final followed here re-reads its log. */
    void wakeAll() {
        channels.keySet().forEach(id -> committed(id, 0));
    }

    int subscribers(long stageId) {
        Channel c = channels.get(stageId);
        return c == null ? 0 : c.subscribers.size();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the server's graceful shutdown, which would otherwise wait for them; screens rejoin.
     * The senders stay (daemon threads): a context may be stopped and started again, and commits still wake them.
     */
    @Override
    public void stop() {
        running = false;
        channels.values().forEach(c -> c.subscribers.forEach(LiveStream::close));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Some events as Server-Sent Events, encoded once for each kind of reader before any stream is written, so the
     * writing threads share them without a lock. The last event's JSON ends with {@code "state":} and the state after
     * it (the same for both kinds of reader: the host console reads its answer from {@code GET …/live/host}).
     */
    static final class Frames {
        private final boolean empty;
        private final Map<LiveSessions.Reader, byte[]> bytes = new EnumMap<>(LiveSessions.Reader.class);

        Frames(List<LiveEvent> events, String stateJson) {
            empty = events.isEmpty();
            StringBuilder host = new StringBuilder();
            StringBuilder others = new StringBuilder();
            for (int i = 0; i < events.size(); i++) {
                LiveEvent e = events.get(i);
                String state = i == events.size() - 1 ? stateJson : null;
                String json = LiveStore.JSON.writeValueAsString(e);
                LiveEvent shown = e.forReaders();
                frame(host, e, json, state);
                frame(others, e, shown == e ? json : LiveStore.JSON.writeValueAsString(shown), state); // most events: the same JSON
            }
            bytes.put(LiveSessions.Reader.HOST, host.toString().getBytes(StandardCharsets.UTF_8));
            bytes.put(LiveSessions.Reader.READER, others.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** An event's frame; with a state, it goes in as the event object's last member. */
        private static void frame(StringBuilder b, LiveEvent e, String json, @Nullable String state) {
            b.append("id:").append(e.seq()).append("\ndata:");
            if (state == null) {
                b.append(json);
            } else {
                b.append(json, 0, json.length() - 1).append(",\"state\":").append(state).append('}');
            }
            b.append("\n\n");
        }

        boolean isEmpty() {
            return empty;
        }

        /** The events as this reader may see them, each as {@code id:<seq>} and {@code data:<event JSON>}, in UTF-8. */
        byte[] bytes(LiveSessions.Reader reader) {
            return bytes.get(reader);
        }
    }
}
