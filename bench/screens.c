/*
 * The live bench's screens (LiveBench starts it; bench/seed-live.sh compiles it): COUNT connections following one
 * node's live stream, read by one epoll loop in one thread. It is C rather than Java because it shares the 2-core
 * machine with the node it measures: a socket read here costs the read and little else, and each read asks the kernel
 * for the time its last segment arrived at the socket (SO_TIMESTAMPNS), so a screen's latency can be taken where a
 * screen across the hall would take it, on arrival, as well as when this program got round to reading it.
 *
 *   screens HOST PORT PATH AFTER COUNT RESULTS
 *
 * Each connection sends "GET PATH HTTP/1.0" with Last-Event-ID AFTER (HTTP/1.0: the stream comes unchunked).
 * On stdout: "connected N" once all COUNT answered 200, then "seq S" each time every screen has event S.
 * When stdin closes it writes RESULTS, "# untimed N" (N reads came without the kernel's receive time), then one
 * line per (screen, WON event received): "screen seq arrival_us read_us", both latencies from the event's "at" (the
 * server's time of the buzz), and exits. A WON counts as received with the first frame from it on that carries the
 * final's "state" (the last event of each sending does): that is when a page has what it renders the winner from.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_SEQ (1 << 21)
#define BATCH 100

typedef struct {
    int fd;
    int headers;
    char head[4096];
    int head_len;
    char *line;
    int line_len, line_cap;
    long last_seq;
    int wons, won_cap;
    long *won; /* triples: seq, arrival latency µs, read latency µs */
    int shown; /* the WONs before this one have had their state */
} Screen;

static Screen *screens;
static int count;
static long after;
static int *at_least; /* at_least[s]: screens that have event s */
static long *won_at;   /* a WON's server time in µs since the epoch, by seq; 0 until seen */
static long all_have;  /* every screen has the events up to this one */
static long untimed;   /* reads that came without the kernel's receive time (their arrival is taken as read) */
static int connected;  /* said so: "seq" lines follow "connected" */

static void die(const char *what) {
    perror(what);
    exit(2);
}

static long micros(struct timespec t) { return t.tv_sec * 1000000L + t.tv_nsec / 1000; }

/* "2026-12-03T09:03:36.295679Z" (Jackson's Instant: up to nine fraction digits) in µs since the epoch. */
static long parse_instant(const char *s) {
    struct tm tm = {0};
    int frac_digits = 0;
    long frac = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
        fprintf(stderr, "screens: bad instant %.40s\n", s);
        exit(2);
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const char *p = s + 19;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (frac_digits < 6) {
                frac = frac * 10 + (*p - '0');
                frac_digits++;
            }
        }
    }
    while (frac_digits++ < 6) frac *= 10;
    return (long) timegm(&tm) * 1000000L + frac;
}

/* A screen has events up to seq now: count it, and say so when it was the last screen missing them. */
static void advance(Screen *s, long seq) {
    if (seq <= s->last_seq) return;
    if (seq >= MAX_SEQ) {
        fprintf(stderr, "screens: seq %ld past %d\n", seq, MAX_SEQ);
        exit(2);
    }
    for (long q = s->last_seq + 1; q <= seq; q++) at_least[q]++;
    s->last_seq = seq;
    long before = all_have;
    while (all_have + 1 < MAX_SEQ && at_least[all_have + 1] == count) all_have++;
    if (all_have != before && connected) {
        printf("seq %ld\n", all_have);
        fflush(stdout);
    }
}

static const char DATA_SEQ[] = "data:{\"seq\":";
static const char WON[] = "\"result\":\"WON\"";
static const char AT[] = "\"at\":\"";
static const char STATE[] = "\"state\":";

/* One line of a stream, l[0..n) without its newline: an event's data line counts, any other is passed over. */
static void take_line(Screen *s, const char *l, int n, long arrival, long read_at) {
    if (n <= (int) sizeof DATA_SEQ - 1 || memcmp(l, DATA_SEQ, sizeof DATA_SEQ - 1) != 0) return;
    long seq = 0;
    for (int i = sizeof DATA_SEQ - 1; i < n && l[i] >= '0' && l[i] <= '9'; i++) seq = seq * 10 + (l[i] - '0');
    if (memmem(l, n, WON, sizeof WON - 1)) {
        if (won_at[seq] == 0) {
            const char *at = memmem(l, n, AT, sizeof AT - 1);
            if (!at) {
                fprintf(stderr, "screens: a WON without \"at\": %.200s\n", l);
                exit(2);
            }
            won_at[seq] = parse_instant(at + sizeof AT - 1);
        }
        if (s->wons == s->won_cap) {
            s->won_cap = s->won_cap ? s->won_cap * 2 : 256;
            s->won = realloc(s->won, sizeof(long) * 3 * s->won_cap);
        }
        s->won[3L * s->wons++] = seq;
    }
    if (memmem(l, n, STATE, sizeof STATE - 1)) {
        for (; s->shown < s->wons; s->shown++) {
            long *w = s->won + 3L * s->shown;
            w[1] = arrival - won_at[w[0]];
            w[2] = read_at - won_at[w[0]];
        }
    }
    advance(s, seq);
}

/* Appends to the screen's partial line (a line split between reads). */
static void keep(Screen *s, const char *bytes, int n) {
    while (s->line_len + n > s->line_cap) {
        s->line_cap *= 2;
        s->line = realloc(s->line, s->line_cap);
    }
    memcpy(s->line + s->line_len, bytes, n);
    s->line_len += n;
}

/* A read's bytes: whole lines are looked at where they lie; only a line split between reads is copied. */
static void take(Screen *s, const char *bytes, int n, long arrival, long read_at) {
    int from = 0;
    if (!s->headers) {
        int room = (int) sizeof s->head - 1 - s->head_len;
        int k = n < room ? n : room;
        memcpy(s->head + s->head_len, bytes, k);
        s->head_len += k;
        s->head[s->head_len] = 0;
        char *end = strstr(s->head, "\r\n\r\n");
        if (!end) return;
        if (strncmp(s->head, "HTTP/1.1 200", 12) != 0 && strncmp(s->head, "HTTP/1.0 200", 12) != 0) {
            fprintf(stderr, "screens: stream refused: %.300s\n", s->head);
            exit(2);
        }
        from = n - (s->head_len - (int) (end + 4 - s->head));
        s->headers = 1;
    }
    while (from < n) {
        const char *nl = memchr(bytes + from, '\n', n - from);
        if (!nl) {
            keep(s, bytes + from, n - from);
            return;
        }
        int len = (int) (nl - (bytes + from));
        if (s->line_len == 0) {
            take_line(s, bytes + from, len, arrival, read_at);
        } else {
            keep(s, bytes + from, len);
            take_line(s, s->line, s->line_len, arrival, read_at);
            s->line_len = 0;
        }
        from += len + 1;
    }
}

static char buffer[64 * 1024];
static char control[256];

/* Reads one screen's socket: the bytes, the arrival time of its last segment, and now. 0 at the end of the stream. */
static int read_screen(Screen *s) {
    struct iovec iov = {buffer, sizeof buffer};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n = recvmsg(s->fd, &msg, 0);
    if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) return 1;
        die("recvmsg");
    }
    if (n == 0) return 0;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    long read_at = micros(now), arrival = -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
            struct timespec t;
            memcpy(&t, CMSG_DATA(c), sizeof t);
            arrival = micros(t);
        }
    }
    if (arrival < 0) {
        untimed++;
        arrival = read_at;
    }
    take(s, buffer, (int) n, arrival, read_at);
    return 1;
}

static void poll_once(int ep, int timeout_ms, int *stdin_closed) {
    struct epoll_event events[512];
    int n = epoll_wait(ep, events, 512, timeout_ms);
    if (n < 0 && errno != EINTR) die("epoll_wait");
    for (int i = 0; i < n; i++) {
        if (events[i].data.ptr == NULL) {
            char b[256];
            if (read(0, b, sizeof b) <= 0) *stdin_closed = 1;
            continue;
        }
        Screen *s = events[i].data.ptr;
        if (!read_screen(s)) {
            epoll_ctl(ep, EPOLL_CTL_DEL, s->fd, NULL);
            if (!*stdin_closed) fprintf(stderr, "screens: a stream ended (screen at seq %ld)\n", s->last_seq);
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: screens HOST PORT PATH AFTER COUNT RESULTS\n");
        return 2;
    }
    const char *host = argv[1], *path = argv[3], *results = argv[6];
    int port = atoi(argv[2]);
    after = atol(argv[4]);
    count = atoi(argv[5]);
    all_have = after;
    screens = calloc(count, sizeof(Screen));
    at_least = calloc(MAX_SEQ, sizeof(int));
    won_at = calloc(MAX_SEQ, sizeof(long));
    char request[2048];
    snprintf(request, sizeof request, "GET %s HTTP/1.0\r\nHost: %s\r\nAccept: text/event-stream\r\nLast-Event-ID: %ld\r\n\r\n",
             path, host, after);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) die("inet_pton (HOST must be an IPv4 address)");
    int ep = epoll_create1(0);
    struct epoll_event in = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, 0, &in);
    int stdin_closed = 0, one = 1;
    time_t deadline = time(NULL) + 180;
    /* 100 at a time, each batch once the one before follows: as the Java screens did, a crowd switching on */
    for (int i = 0; i < count; i++) {
        Screen *s = &screens[i];
        s->line_cap = 1024;
        s->line = malloc(s->line_cap);
        s->last_seq = after;
        s->fd = socket(AF_INET, SOCK_STREAM, 0);
        if (s->fd < 0) die("socket");
        if (setsockopt(s->fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one) < 0) die("SO_TIMESTAMPNS");
        if (connect(s->fd, (struct sockaddr *) &address, sizeof address) < 0) die("connect");
        if (write(s->fd, request, strlen(request)) != (ssize_t) strlen(request)) die("write");
        fcntl(s->fd, F_SETFL, fcntl(s->fd, F_GETFL) | O_NONBLOCK);
        struct epoll_event e = {.events = EPOLLIN, .data.ptr = s};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, s->fd, &e) < 0) die("epoll_ctl");
        if ((i + 1) % BATCH == 0 || i + 1 == count) {
            for (;;) {
                int waiting = 0;
                for (int j = 0; j <= i; j++) waiting += !screens[j].headers;
                if (!waiting) break;
                if (time(NULL) > deadline) {
                    fprintf(stderr, "screens: only %d of %d screens connected\n", i + 1 - waiting, count);
                    return 1;
                }
                poll_once(ep, 20, &stdin_closed);
            }
        }
    }
    printf("connected %d\nseq %ld\n", count, all_have);
    fflush(stdout);
    connected = 1;
    while (!stdin_closed) poll_once(ep, 200, &stdin_closed);
    FILE *out = fopen(results, "w");
    if (!out) die(results);
    fprintf(out, "# untimed %ld\n", untimed);
    long unshown = 0;
    for (int i = 0; i < count; i++) unshown += screens[i].wons - screens[i].shown;
    if (unshown) fprintf(stderr, "screens: %ld WONs reached a screen without a state after them\n", unshown);
    for (int i = 0; i < count; i++) {
        for (int w = 0; w < screens[i].shown; w++) {
            long *x = screens[i].won + 3L * w;
            fprintf(out, "%d %ld %ld %ld\n", i, x[0], x[1], x[2]);
        }
    }
    fclose(out);
    for (int i = 0; i < count; i++) close(screens[i].fd);
    return 0;
}
