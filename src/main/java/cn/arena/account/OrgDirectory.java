package cn.arena.account;

import java.util.Map;
import java.util.Optional;

/**
 * What accounts need to know of the org tree, answered by the {@code org} module. Kept as a port here so that
 * {@code org} may use accounts (scopes, audit) without the two modules depending on each other.
 */
public interface OrgDirectory {

    boolean exists(long unitId);

    /** The unit with exactly this name, if there is exactly one. */
    Optional<Long> findByName(String name);

    /**
     * The units {@code user} may place people in, each by its path of names ("无锡市 / 江阴市"), ordered by that path:
     * what a unit picker lists, and how a unit is shown instead of its id.
     */
    Map<Long, String> pathsVisibleTo(CurrentUser user);

    /** True when {@code unitId} is {@code ancestorId} itself or lies below it. */
    boolean isWithin(long unitId, long ancestorId);
}
