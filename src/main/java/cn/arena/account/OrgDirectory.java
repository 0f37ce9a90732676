package cn.arena.account;

import java.util.Optional;

/**
 * What accounts need to know of the org tree, answered by the {@code org} module. Kept as a port here so that
 * {@code org} may use accounts (scopes, audit) without the two modules depending on each other.
 */
public interface OrgDirectory {

    boolean exists(long unitId);

    /** The unit with exactly this name, if there is exactly one. */
    Optional<Long> findByName(String name);

    /** True when {@code unitId} is {@code ancestorId} itself or lies below it. */
    boolean isWithin(long unitId, long ancestorId);
}
