package cn.arena.live;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One screen's or terminal's stream, written without blocking: what its connection cannot take at once waits in its
 * own queue and goes out when the container says it can ({@link #onWritePossible}), so the sender never waits for one
 * screen and a stalled one cannot hold up the hall. A stream that falls {@link #MAX_BEHIND_BYTES} behind is let go:
 * the screen rejoins from its {@code Last-Event-ID} and misses nothing.
 */
final class LiveStream implements WriteListener {

    static final int MAX_BEHIND_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final ServletOutputStream out;
    private final LiveSessions.Reader reader;
    private final Consumer<LiveStream> end;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int queued;
    /**
     * The connection's last answer to {@code isReady()}: it stays true until a write finds the connection full, so
     * it is asked once per event, not before every write (each asking crosses the container's locks).
     */
    private boolean ready;
    private boolean flushed; // the headers go out with the first flush, events or none
    private boolean closed;

    /** {@code end} ends the response; it runs once, with this stream, when the stream closes for any reason. */
    LiveStream(ServletOutputStream out, LiveSessions.Reader reader, Consumer<LiveStream> end) {
        this.out = out;
        this.reader = reader;
        this.end = end;
    }

    /** Starts writing: the container calls {@link #onWritePossible} once now, and again after each stall. */
    void listen() {
        out.setWriteListener(this);
    }

    /** Queues the frames as this stream's reader may see them, and writes what the connection takes now. */
    void offer(LiveHub.Frames frames) {
        if (frames.isEmpty()) {
            return;
        }
        byte[] bytes = frames.bytes(reader);
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (queued + bytes.length > MAX_BEHIND_BYTES) {
                log.info("A live stream fell {} bytes behind and was let go; it rejoins from its last event", queued);
                close();
                return;
            }
            queue.add(bytes);
            queued += bytes.length;
            drain();
        } finally {
            lock.unlock();
        }
    }

    /** Writes while the connection takes it, flushing after the last queued event. */
    private void drain() {
        if (closed) {
            return;
        }
        try {
            while (ready) {
                byte[] next = queue.poll();
                if (next == null) {
                    if (flushed) {
                        return;
                    }
                } else {
                    queued -= next.length;
                    out.write(next);
                }
                if (queue.isEmpty()) {
                    out.flush();
                    flushed = true;
                }
                ready = out.isReady();
            }
        } catch (IOException | IllegalStateException gone) {
            log.debug("A live stream went away: {}", gone.getMessage());
            close();
        }
    }

    @Override
    public void onWritePossible() {
        lock.lock();
        try {
            ready = out.isReady();
            drain();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable t) {
        log.debug("A live stream went away: {}", t.getMessage());
        close();
    }

    /** Bytes waiting for the connection. */
    int behind() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream, once. */
    void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            queued = 0;
        } finally {
            lock.unlock();
        }
        end.accept(this);
    }
}
