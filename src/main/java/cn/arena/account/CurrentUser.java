package cn.arena.account;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every module sees it: who, which roles, and the org unit that bounds what they may see
 * ({@code orgUnitId}; null means the whole tree). Obtain it with {@code @AuthenticationPrincipal CurrentUser}.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Serializable {

    private final long id;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final @Nullable Long orgUnitId;
    private final boolean locked;
    private final boolean passwordChangeRequired;
    private @Nullable String passwordHash;

    public CurrentUser(long id, String username, String displayName, Set<Role> roles, @Nullable Long orgUnitId,
            @Nullable String passwordHash, boolean locked) {
        this(id, username, displayName, roles, orgUnitId, passwordHash, locked, false);
    }

    CurrentUser(long id, String username, String displayName, Set<Role> roles, @Nullable Long orgUnitId,
            @Nullable String passwordHash, boolean locked, boolean passwordChangeRequired) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.orgUnitId = orgUnitId;
        this.passwordHash = passwordHash;
        this.locked = locked;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public @Nullable Long orgUnitId() {
        return orgUnitId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * True when the user signed in with a password handed to them (a roll's or an admin's reset) and must choose
     * their own before anything else; {@link PasswordChangeGate} holds them at the change page until then.
     */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + "]";
    }
}
