package cn.arena.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's live streams: the screens and terminals following each final. Woken when an event is committed (here,
 * or on another node through {@link LiveNotifications}), it reads the events after the last one it sent from the log
 * and sends them; the log, not the wake-up, carries the events, so a lost or doubled wake-up loses or doubles nothing.
 * The events read are written out as Server-Sent Events once per kind of reader, not once per stream, and each stream
 * gets them in one write: with 2,000 screens on a node, that is what keeps a buzz's way to the screens short.
 */
@Component
class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    private static final long STREAM_TIMEOUT = Duration.ofHours(12).toMillis();
    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final LiveStore store;
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "live-send");
        t.setDaemon(true);
        return t;
    });

    LiveHub(LiveStore store) {
        this.store = store;
    }

    private record Subscriber(SseEmitter emitter, LiveSessions.Reader reader) {}

    /** The streams of one final; {@code sent} is the last seq every subscriber has been sent. */
    private final class Channel {
        final long stageId;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicBoolean pending = new AtomicBoolean();
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        long sent = -1;

        Channel(long stageId) {
            this.stageId = stageId;
        }

        /** Sends the events after {@code after} to a new subscriber, then adds it to the live ones. */
        void join(Subscriber s, long after) {
            lock.lock();
            try {
                if (sent < 0) {
                    sent = store.session(stageId).map(LiveStore.SessionRow::lastSeq).orElse(0L);
                }
                if (send(s, new Frames(store.events(stageId, after, sent)))) {
                    subscribers.add(s);
                }
            } finally {
                lock.unlock();
            }
        }

        void deliver() {
            lock.lock();
            try {
                if (sent < 0) {
                    return;
                }
                List<LiveEvent> events = store.events(stageId, sent, Long.MAX_VALUE);
                if (events.isEmpty()) {
                    return;
                }
                Frames frames = new Frames(events);
                for (Subscriber s : subscribers) {
                    if (!send(s, frames)) {
                        subscribers.remove(s);
                    }
                }
                sent = events.get(events.size() - 1).seq();
            } finally {
                lock.unlock();
            }
        }
    }

    SseEmitter subscribe(long stageId, long after, LiveSessions.Reader reader) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Channel channel = channels.computeIfAbsent(stageId, Channel::new);
        Subscriber s = new Subscriber(emitter, reader);
        emitter.onCompletion(() -> channel.subscribers.remove(s));
        emitter.onTimeout(() -> channel.subscribers.remove(s));
        emitter.onError(e -> channel.subscribers.remove(s));
        channel.join(s, after);
        return emitter;
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
        channels.values().forEach(c -> c.subscribers.forEach(s -> s.emitter().complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Some events as Server-Sent Events, written out at most once for each kind of reader. */
    static final class Frames {
        private final List<LiveEvent> events;
        private final Map<LiveSessions.Reader, String> text = new EnumMap<>(LiveSessions.Reader.class);

        Frames(List<LiveEvent> events) {
            this.events = events;
        }

        boolean isEmpty() {
            return events.isEmpty();
        }

        /** The events as this reader may see them, each as {@code id: <seq>} and {@code data: <event JSON>}. */
        String text(LiveSessions.Reader reader) {
            return text.computeIfAbsent(reader, r -> {
                StringBuilder b = new StringBuilder();
                for (LiveEvent e : events) {
                    LiveEvent shown = r == LiveSessions.Reader.HOST ? e : e.forReaders();
                    b.append("id:").append(e.seq()).append("\ndata:").append(LiveStore.JSON.writeValueAsString(shown)).append("\n\n");
                }
                return b.toString();
            });
        }
    }

    private static boolean send(Subscriber s, Frames frames) {
        if (frames.isEmpty()) {
            return true;
        }
        try {
            s.emitter().send(Set.of(new DataWithMediaType(frames.text(s.reader()), TEXT_UTF8)));
            return true;
        } catch (IOException | IllegalStateException gone) {
            log.debug("A live stream went away: {}", gone.getMessage());
            return false;
        }
    }
}
