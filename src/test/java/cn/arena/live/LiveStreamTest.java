package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.live.LiveEvent.Type;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stream written without blocking: a stalled connection queues its own events, and is let go when too far behind. */
class LiveStreamTest {

    /**
     * A non-blocking connection as a container gives it: a write is allowed only after {@code isReady()} said true; one
     * made just before the connection stalled is held by the container and goes out when it resumes.
     */
    static final class Connection extends ServletOutputStream {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final ByteArrayOutputStream held = new ByteArrayOutputStream();
        boolean stalled;
        boolean toldReady;
        int flushes;
        WriteListener listener;

        @Override
        public boolean isReady() {
            toldReady = !stalled;
            return toldReady;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public void write(int b) {
            if (!toldReady) {
                throw new IllegalStateException("written while not ready");
            }
            (stalled ? held : received).write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        void resume() throws IOException {
            stalled = false;
            received.writeBytes(held.toByteArray());
            held.reset();
            listener.onWritePossible();
        }

        String text() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private final AtomicInteger ended = new AtomicInteger();

    private static LiveHub.Frames frame(long seq) {
        return new LiveHub.Frames(List.of(LiveEvent.of(Type.OPENED).question(2, 500 + seq, null).numbered(seq, Instant.EPOCH)),
                "{\"seq\":" + seq + "}");
    }

    private LiveStream listening(Connection c) throws IOException {
        LiveStream s = new LiveStream(c, LiveSessions.Reader.READER, closed -> ended.incrementAndGet());
        s.listen();
        c.listener.onWritePossible();
        return s;
    }

    @Test
    void theHeadersGoOutAtOnceAndEachEventIsWrittenAndFlushedAsItComes() throws IOException {
        Connection c = new Connection();
        LiveStream s = listening(c);
        assertThat(c.flushes).isEqualTo(1);
        s.offer(frame(1));
        s.offer(frame(2));
        assertThat(c.text()).startsWith("id:1\ndata:{\"seq\":1,").contains("\n\nid:2\ndata:{\"seq\":2,");
        assertThat(c.flushes).isEqualTo(3);
        assertThat(s.behind()).isZero();
    }

    @Test
    void aStalledConnectionKeepsItsEventsInOrderUntilItTakesThemAgain() throws IOException {
        Connection c = new Connection();
        LiveStream s = listening(c);
        c.stalled = true;
        s.offer(frame(1)); // the container holds this one, and says the connection is full
        s.offer(frame(2));
        s.offer(frame(3));
        assertThat(c.text()).isEmpty();
        assertThat(s.behind()).isEqualTo(frame(2).bytes(LiveSessions.Reader.READER).length * 2);
        c.resume();
        assertThat(c.text()).startsWith("id:1\n").contains("id:2\n").contains("id:3\n").doesNotContain("id:4");
        assertThat(c.text().indexOf("id:2\n")).isLessThan(c.text().indexOf("id:3\n"));
        assertThat(s.behind()).isZero();
        assertThat(ended).hasValue(0);
    }

    @Test
    void aStreamTooFarBehindIsLetGoOnceAndTakesNoMore() throws IOException {
        Connection c = new Connection();
        LiveStream s = listening(c);
        c.stalled = true;
        s.offer(frame(1)); // held by the container
        int seq = 1;
        int queued = 0;
        while (queued + frame(seq + 1).bytes(LiveSessions.Reader.READER).length <= LiveStream.MAX_BEHIND_BYTES) {
            seq++;
            queued += frame(seq).bytes(LiveSessions.Reader.READER).length;
            s.offer(frame(seq));
        }
        assertThat(s.isClosed()).isFalse();
        assertThat(s.behind()).isEqualTo(queued);
        s.offer(frame(seq + 1));
        s.offer(frame(seq + 2));
        assertThat(s.isClosed()).isTrue();
        assertThat(ended).hasValue(1);
        c.resume();
        assertThat(c.text()).isEqualTo(new String(frame(1).bytes(LiveSessions.Reader.READER), StandardCharsets.UTF_8));
    }

    @Test
    void eventsOfferedBeforeTheContainerListensWaitForIt() throws IOException {
        Connection c = new Connection();
        LiveStream s = new LiveStream(c, LiveSessions.Reader.READER, closed -> ended.incrementAndGet());
        s.offer(frame(1)); // the backlog of a joining screen, read before the response turns non-blocking
        assertThat(c.text()).isEmpty();
        s.listen();
        c.listener.onWritePossible();
        assertThat(c.text()).startsWith("id:1\n");
    }

    @Test
    void aDeliveryToAHallOfStreamsWrittenSideBySideReachesEachStreamOnceAndInOrder() throws IOException {
        int hall = 2001; // not a multiple of the shares: the last share is the shorter one
        Connection[] connections = new Connection[hall];
        LiveStream[] streams = new LiveStream[hall];
        for (int i = 0; i < hall; i++) {
            connections[i] = new Connection();
            streams[i] = listening(connections[i]);
        }
        ExecutorService writing = Executors.newFixedThreadPool(3);
        try {
            LiveHub.offerAll(streams, frame(1), writing, 4);
            LiveHub.offerAll(streams, frame(2), writing, 4);
        } finally {
            writing.shutdown();
        }
        for (Connection c : connections) {
            assertThat(c.text()).startsWith("id:1\n").contains("\n\nid:2\n");
            assertThat(c.text().split("id:", -1)).hasSize(3);
        }
    }
}
