package cn.arena.account;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether an object owned by an org unit lies inside what a user may see. Admins and unscoped staff see the whole
 * tree; a scoped user sees its unit and everything below it. Objects with no owning unit belong to the whole tree.
 */
@Component
public class Scopes {

    private final OrgDirectory orgs;

    Scopes(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    public boolean covers(CurrentUser user, @Nullable Long ownerUnitId) {
        Long scope = user.orgUnitId();
        if (user.isAdmin() || scope == null) {
            return true;
        }
        return ownerUnitId != null && orgs.isWithin(ownerUnitId, scope);
    }
}
