package cn.arena.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Logins and their roles, in the account tables. */
@Repository
class UserStore {

    /** Ids per {@code in (...)} query, well under the 65,535 bind parameters PostgreSQL takes in one statement. */
    static final int IDS_PER_QUERY = 1_000;

    record Row(long id, String username, String passwordHash, String displayName, @Nullable Long orgUnitId,
            boolean enabled, int failedLogins, @Nullable Instant lockedUntil) {}

    /** A login to insert with others in one batch. */
    record NewLogin(String username, String passwordHash, String displayName, @Nullable Long orgUnitId) {}

    private final JdbcClient jdbc;
    /** For batched inserts, which JdbcClient does not offer. */
    private final JdbcTemplate batch;

    UserStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Row> findByUsername(String username) {
        return jdbc.sql("select * from account_user where username = :u").param("u", username).query(UserStore::row).optional();
    }

    Optional<Row> findById(long id) {
        return jdbc.sql("select * from account_user where id = :id").param("id", id).query(UserStore::row).optional();
    }

    /** The rows of the given ids that exist, in one query per {@value #IDS_PER_QUERY} distinct ids. */
    List<Row> findAll(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        List<Row> rows = new ArrayList<>(distinct.size());
        for (int from = 0; from < distinct.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = distinct.subList(from, Math.min(from + IDS_PER_QUERY, distinct.size()));
            rows.addAll(jdbc.sql("select * from account_user where id in (:ids)").param("ids", chunk)
                    .query(UserStore::row).list());
        }
        return rows;
    }

    /** Enabled accounts with the role whose org unit is one of the given units. */
    List<Row> withRoleIn(Role role, Collection<Long> unitIds) {
        List<Long> distinct = unitIds.stream().distinct().toList();
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = distinct.subList(from, Math.min(from + IDS_PER_QUERY, distinct.size()));
            rows.addAll(jdbc.sql("""
                    select u.* from account_user u join account_role r on r.user_id = u.id
                    where r.role = :role and u.enabled and u.org_unit_id in (:units) order by u.id""")
                    .param("role", role.name()).param("units", chunk).query(UserStore::row).list());
        }
        return rows;
    }

    Set<Role> roles(long userId) {
        return jdbc.sql("select role from account_role where user_id = :id").param("id", userId)
                .query(String.class).list().stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    Map<String, Long> idsByUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select username, id from account_user where username in (:u)").param("u", usernames)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long insert(String username, String passwordHash, String displayName, @Nullable Long orgUnitId, Set<Role> roles, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into account_user (username, password_hash, display_name, org_unit_id, enabled, failed_logins, created_at)
                values (:u, :p, :d, :o, true, 0, :now)""")
                .param("u", username).param("p", passwordHash).param("d", displayName).param("o", orgUnitId)
                .param("now", utc(now)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (Role role : roles) {
            jdbc.sql("insert into account_role (user_id, role) values (:id, :r)").param("id", id).param("r", role.name()).update();
        }
        return id;
    }

    /**
     * Inserts many logins with one role each in batches (a roll of 40,000 in seconds, not one round trip a row) and
     * returns their ids in the order given. The usernames must be free and distinct.
     */
    List<Long> insertAll(List<NewLogin> logins, Role role, Instant now) {
        OffsetDateTime at = utc(now);
        batch.batchUpdate("""
                insert into account_user (username, password_hash, display_name, org_unit_id, enabled, failed_logins, created_at)
                values (?, ?, ?, ?, true, 0, ?)""", logins, IDS_PER_QUERY, (ps, login) -> {
            ps.setString(1, login.username());
            ps.setString(2, login.passwordHash());
            ps.setString(3, login.displayName());
            ps.setObject(4, login.orgUnitId(), java.sql.Types.BIGINT);
            ps.setObject(5, at);
        });
        List<Long> ids = new ArrayList<>(logins.size());
        for (int from = 0; from < logins.size(); from += IDS_PER_QUERY) {
            List<NewLogin> chunk = logins.subList(from, Math.min(from + IDS_PER_QUERY, logins.size()));
            Map<String, Long> byName = idsByUsername(chunk.stream().map(NewLogin::username).toList());
            chunk.forEach(login -> ids.add(byName.get(login.username())));
        }
        batch.batchUpdate("insert into account_role (user_id, role) values (?, ?)", ids, IDS_PER_QUERY, (ps, id) -> {
            ps.setLong(1, id);
            ps.setString(2, role.name());
        });
        return ids;
    }

    void setPassword(long userId, String passwordHash) {
        jdbc.sql("update account_user set password_hash = :p where id = :id").param("p", passwordHash).param("id", userId).update();
    }

    void update(long userId, String displayName, @Nullable Long orgUnitId) {
        jdbc.sql("update account_user set display_name = :d, org_unit_id = :o where id = :id")
                .param("d", displayName).param("o", orgUnitId).param("id", userId).update();
    }

    void setEnabled(long userId, boolean enabled) {
        jdbc.sql("update account_user set enabled = :e where id = :id").param("e", enabled).param("id", userId).update();
    }

    void replaceRoles(long userId, Set<Role> roles) {
        jdbc.sql("delete from account_role where user_id = :id").param("id", userId).update();
        for (Role role : roles) {
            jdbc.sql("insert into account_role (user_id, role) values (:id, :r)").param("id", userId).param("r", role.name()).update();
        }
    }

    /** Counts one failed login; returns the new count. */
    int countFailure(String username) {
        jdbc.sql("update account_user set failed_logins = failed_logins + 1 where username = :u").param("u", username).update();
        return jdbc.sql("select failed_logins from account_user where username = :u").param("u", username)
                .query(Integer.class).optional().orElse(0);
    }

    void lockUntil(String username, Instant until) {
        jdbc.sql("update account_user set locked_until = :t, failed_logins = 0 where username = :u")
                .param("t", utc(until)).param("u", username).update();
    }

    void clearFailures(String username) {
        jdbc.sql("update account_user set failed_logins = 0, locked_until = null where username = :u and (failed_logins <> 0 or locked_until is not null)")
                .param("u", username).update();
    }

    List<Row> list(@Nullable String query, int limit) {
        return jdbc.sql("""
                select * from account_user
                where (cast(:q as varchar) is null or username like :q or display_name like :q) order by username limit :limit""")
                .param("q", query == null ? null : "%" + query + "%").param("limit", limit).query(UserStore::row).list();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        Long org = rs.getObject("org_unit_id", Long.class);
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"), rs.getString("display_name"),
                org, rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant());
    }
}
