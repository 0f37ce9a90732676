package cn.arena.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail (等保 2.0): who did what to which object, when (UTC), from where, with what outcome.
 * The application only ever inserts here; no screen or endpoint edits or deletes an entry.
 */
@Component
public class AuditLog {

    public enum Outcome { SUCCESS, FAILURE }

    public record Entry(long id, Instant at, @Nullable String actor, String action, @Nullable String target,
            @Nullable String detail, @Nullable String address, Outcome outcome) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the signed-in user. */
    public void record(String action, @Nullable String target, @Nullable String detail) {
        record(currentActor(), action, target, detail, Outcome.SUCCESS);
    }

    public void record(@Nullable String actor, String action, @Nullable String target, @Nullable String detail, Outcome outcome) {
        jdbc.sql("""
                insert into audit_log (at, actor, action, target, detail, address, outcome)
                values (:at, :actor, :action, :target, :detail, :address, :outcome)""")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", actor)
                .param("action", action)
                .param("target", truncate(target, 200))
                .param("detail", truncate(detail, 2000))
                .param("address", currentAddress())
                .param("outcome", outcome.name())
                .update();
    }

    /** Which entries to read: one action, one outcome, from an instant (inclusive) until another (exclusive); null is any. */
    public record Query(@Nullable String action, @Nullable Outcome outcome, @Nullable Instant from, @Nullable Instant until) {

        public static Query action(@Nullable String action) {
            return new Query(action, null, null, null);
        }
    }

    public List<Entry> recent(int limit, @Nullable String action) {
        return find(Query.action(action), limit);
    }

    /** The newest {@code limit} entries matching the query, newest first. */
    public List<Entry> find(Query query, int limit) {
        return jdbc.sql("""
                select id, at, actor, action, target, detail, address, outcome from audit_log
                where (cast(:action as varchar) is null or action = :action)
                  and (cast(:outcome as varchar) is null or outcome = :outcome)
                  and (cast(:from as timestamp with time zone) is null or at >= :from)
                  and (cast(:until as timestamp with time zone) is null or at < :until)
                order by id desc limit :limit""")
                .param("action", query.action())
                .param("outcome", query.outcome() == null ? null : query.outcome().name())
                .param("from", query.from() == null ? null : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC))
                .param("until", query.until() == null ? null : OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                        rs.getString("address"), Outcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    /** Every action the log holds, for a filter to list. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
    }

    private static @Nullable String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    static @Nullable String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
