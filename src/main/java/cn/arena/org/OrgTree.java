package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrgDirectory;
import cn.arena.account.Scopes;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org tree: province → city → county → town → community, with development zones, sub-centres, departments and
 * bureaus hanging where they belong. Answers the account module's scope questions.
 */
@Service
public class OrgTree implements OrgDirectory {

    public record OrgUnit(long id, String name, OrgUnitKind kind, @Nullable Long parentId) {}

    /** Deeper than any real tree; guards the walks up against a cycle written into the table by hand. */
    private static final int MAX_DEPTH = 64;
    static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final Scopes scopes;

    OrgTree(JdbcClient jdbc, @org.springframework.context.annotation.Lazy Scopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Transactional
    public long create(CurrentUser actor, String name, @Nullable OrgUnitKind kind, @Nullable Long parentId) {
        List<Violation> problems = new ArrayList<>();
        if (name.isBlank()) {
            problems.add(Violation.field("name", "org.unit.name.required"));
        } else if (name.strip().length() > MAX_NAME) {
            problems.add(Violation.field("name", "org.unit.name.tooLong", MAX_NAME));
        } else if (hasChildNamed(parentId, name.strip())) {
            problems.add(Violation.field("name", "org.unit.name.taken", name.strip()));
        }
        if (kind == null) {
            problems.add(Violation.field("kind", "org.unit.kind.required"));
        }
        if (parentId == null ? actor.orgUnitId() != null && !actor.isAdmin() : !exists(parentId) || !scopes.covers(actor, parentId)) {
            problems.add(Violation.field("parentId", "org.unit.parent.unknown"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (name, kind, parent_id) values (:n, :k, :p)")
                .param("n", name.strip()).param("k", kind.name()).param("p", parentId).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Whether {@code parentId} (null: the top of the tree) already has a unit of this name: siblings are told apart by name. */
    boolean hasChildNamed(@Nullable Long parentId, String name) {
        return jdbc.sql("select count(*) from org_unit where name = :n and " + (parentId == null ? "parent_id is null" : "parent_id = :p"))
                .param("n", name.strip()).params(parentId == null ? java.util.Map.of() : java.util.Map.of("p", parentId))
                .query(Integer.class).single() > 0;
    }

    /** The caller's subtree, parents before children. */
    public List<OrgUnit> visibleTo(CurrentUser user) {
        return all().stream().filter(u -> scopes.covers(user, u.id())).toList();
    }

    public Optional<OrgUnit> find(long id) {
        return jdbc.sql("select id, name, kind, parent_id from org_unit where id = :id").param("id", id).query(OrgTree::unit).optional();
    }

    /** The names of some units by id; unknown ids are left out. */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, name from org_unit where id in (:ids)").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The unit, if it exists and the caller may see it. */
    public OrgUnit get(CurrentUser user, long id) {
        return find(id).filter(u -> scopes.covers(user, u.id())).orElseThrow(Refusal::notFound);
    }

    /** The unit itself first, then its parent, and so on up to the root; empty for an unknown unit. */
    public List<Long> ancestorsOf(long unitId) {
        // One recursive query rather than one per level: practice calls ask this on every request of 40,000 members.
        return jdbc.sql("""
                with recursive up (id, parent_id, depth) as (
                    select id, parent_id, 0 from org_unit where id = :id
                    union all
                    select o.id, o.parent_id, up.depth + 1 from org_unit o join up on o.id = up.parent_id where up.depth < :max)
                select id from up order by depth""").param("id", unitId).param("max", MAX_DEPTH - 1).query(Long.class).list();
    }

    /** The unit and every unit below it, parents before children; empty for an unknown unit. */
    public List<OrgUnit> subtree(long unitId) {
        List<OrgUnit> all = all();
        Map<Long, List<OrgUnit>> children = new HashMap<>();
        @Nullable OrgUnit root = null;
        for (OrgUnit u : all) {
            if (u.parentId() != null) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
            if (u.id() == unitId) {
                root = u;
            }
        }
        if (root == null) {
            return List.of();
        }
        List<OrgUnit> result = new ArrayList<>(List.of(root));
        for (int i = 0; i < result.size(); i++) {
            result.addAll(children.getOrDefault(result.get(i).id(), List.of()));
        }
        return result;
    }

    List<Long> subtreeIds(long unitId) {
        return subtree(unitId).stream().map(OrgUnit::id).toList();
    }

    List<OrgUnit> all() {
        return jdbc.sql("select id, name, kind, parent_id from org_unit order by id").query(OrgTree::unit).list();
    }

    @Override
    public boolean exists(long unitId) {
        return find(unitId).isPresent();
    }

    @Override
    public Optional<Long> findByName(String name) {
        List<Long> ids = jdbc.sql("select id from org_unit where name = :n").param("n", name.strip()).query(Long.class).list();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    @Override
    public Map<Long, String> pathsVisibleTo(CurrentUser user) {
        Map<Long, OrgUnit> byId = all().stream().collect(Collectors.toMap(OrgUnit::id, u -> u));
        Map<Long, String> paths = new HashMap<>();
        for (OrgUnit unit : visibleTo(user)) {
            Deque<String> names = new ArrayDeque<>();
            OrgUnit at = unit;
            for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
                names.addFirst(at.name());
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
            paths.put(unit.id(), String.join(" / ", names));
        }
        return paths.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    public boolean isWithin(long unitId, long ancestorId) {
        return unitId == ancestorId || ancestorsOf(unitId).contains(ancestorId);
    }

    private static OrgUnit unit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OrgUnit(rs.getLong("id"), rs.getString("name"), OrgUnitKind.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", Long.class));
    }
}
