package cn.arena.account;

import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds logins. Other modules call it to enrol people as candidates or look up who someone is. */
@Service
public class AccountService implements UserDetailsService {

    /** A user as other modules may show it. */
    public record UserSummary(long id, String username, String displayName, @Nullable Long orgUnitId) {}

    /** A request for a new login. */
    public record NewUser(String username, String password, String displayName, Set<Role> roles, @Nullable Long orgUnitId) {}

    /** A login made for someone else, with the initial password to hand over once. */
    public record IssuedLogin(long userId, String username, String initialPassword) {}

    /** Roles an organizer may hand out; ADMIN and ORGANIZER are given only by an admin. */
    private static final Set<Role> ORGANIZER_GRANTABLE = EnumSet.of(Role.GRADER, Role.CANDIDATE, Role.UNIT_CONTACT, Role.HOST, Role.JUDGE);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Most logins the users page lists at once; a search narrows it. */
    private static final int LIST_LIMIT = 500;

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final OrgDirectory orgs;
    private final Scopes scopes;
    private final AuditLog audit;
    private final SessionTerminator sessions;
    private final Clock clock;

    AccountService(UserStore users, PasswordEncoder passwords, OrgDirectory orgs, Scopes scopes, AuditLog audit,
            SessionTerminator sessions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.orgs = orgs;
        this.scopes = scopes;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        UserStore.Row row = users.findByUsername(username).filter(UserStore.Row::enabled)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant());
        return new CurrentUser(row.id(), row.username(), row.displayName(), users.roles(row.id()), row.orgUnitId(),
                row.passwordHash(), locked, isInitial(row.passwordHash()));
    }

    @Transactional
    public long create(CurrentUser actor, NewUser user) {
        List<Violation> problems = check(actor, user);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        long id = users.insert(user.username(), passwords.encode(user.password()), user.displayName().strip(),
                user.orgUnitId(), user.roles(), clock.instant());
        audit.record("USER_CREATED", user.username(), "roles=" + user.roles());
        return id;
    }

    /** Every rule a new login breaks, each on its field. */
    List<Violation> check(CurrentUser actor, NewUser user) {
        List<Violation> problems = new ArrayList<>();
        if (!USERNAME.matcher(user.username()).matches()) {
            problems.add(Violation.field("username", "account.username.pattern"));
        } else if (users.findByUsername(user.username()).isPresent()) {
            problems.add(Violation.field("username", "account.username.taken", user.username()));
        }
        PasswordPolicy.check(user.password()).ifPresent(key -> problems.add(Violation.field("password", key)));
        if (user.displayName().isBlank()) {
            problems.add(Violation.field("displayName", "account.displayName.required"));
        }
        if (user.roles().isEmpty()) {
            problems.add(Violation.field("roles", "account.roles.required"));
        } else if (!actor.isAdmin() && !ORGANIZER_GRANTABLE.containsAll(user.roles())) {
            problems.add(Violation.field("roles", "account.roles.notGrantable"));
        }
        Long unit = user.orgUnitId();
        if (unit != null && (!orgs.exists(unit) || !scopes.covers(actor, unit))) {
            problems.add(Violation.field("orgUnitId", "account.orgUnit.unknown", unit));
        } else if (unit == null && actor.orgUnitId() != null && !actor.isAdmin()) {
            problems.add(Violation.field("orgUnitId", "account.orgUnit.required"));
        }
        return problems;
    }

    /**
     * Makes a candidate login for a person who has none, with a generated username and initial password.
     * Used when a competition's sitting enrols registered team members.
     */
    @Transactional
    public IssuedLogin issueCandidateLogin(String displayName, @Nullable Long orgUnitId, String usernameStem) {
        String stem = usernameStem.replaceAll("[^A-Za-z0-9]", "");
        String username;
        do {
            username = (stem.isEmpty() ? "c" : stem) + (1000 + RANDOM.nextInt(9000));
        } while (users.findByUsername(username).isPresent());
        String password = randomPassword();
        long id = users.insert(username, passwords.encode(password), displayName, orgUnitId, EnumSet.of(Role.CANDIDATE), clock.instant());
        audit.record("USER_CREATED", username, "roles=[CANDIDATE] issued");
        return new IssuedLogin(id, username, password);
    }

    /** Someone of a staff roll who is to get a candidate login: their name, unit and the username they would like. */
    public record RollLogin(String displayName, long orgUnitId, String preferredUsername) {}

    /**
     * Candidate logins for a whole staff roll at once, in the order given: the preferred username (a mobile number)
     * when free, else a generated one. Random initial passwords (12 characters of 56, about 69 bits) are stored with
     * a fast salted SHA-256 ({@code {SHA-256}}), not bcrypt: at 70 ms a bcrypt hash, a roll of 40,000 would take 47
     * minutes, and guessing a random 69-bit password needs no slowing down. Passwords people choose keep bcrypt;
     * a {@code {SHA-256}} hash marks a password as initial.
     */
    @Transactional
    public List<IssuedLogin> issueRollLogins(List<RollLogin> roll) {
        Instant now = clock.instant();
        Map<String, Long> taken = new java.util.HashMap<>(users.idsByUsername(roll.stream().map(RollLogin::preferredUsername).toList()));
        List<UserStore.NewLogin> logins = new ArrayList<>(roll.size());
        List<String> passwords = new ArrayList<>(roll.size());
        for (RollLogin login : roll) {
            String username = login.preferredUsername();
            if (username.isBlank() || taken.containsKey(username)) {
                do {
                    username = "u" + login.preferredUsername().replaceAll("[^0-9A-Za-z]", "") + (1000 + RANDOM.nextInt(9000));
                } while (taken.containsKey(username) || users.findByUsername(username).isPresent());
            }
            String password = randomPassword();
            taken.put(username, 0L);
            logins.add(new UserStore.NewLogin(username, INITIAL.encode(password), login.displayName(), login.orgUnitId()));
            passwords.add(password);
        }
        List<Long> ids = users.insertAll(logins, Role.CANDIDATE, now);
        List<IssuedLogin> issued = new ArrayList<>(roll.size());
        for (int i = 0; i < logins.size(); i++) {
            issued.add(new IssuedLogin(ids.get(i), logins.get(i).username(), passwords.get(i)));
        }
        audit.record("USERS_ISSUED", "roll", issued.size() + " candidate logins");
        return issued;
    }

    /**
     * Gives a candidate login a new random password in place of the old, which stops working at once with every
     * session and token of it; for a sitting whose one-time passwords were lost. Only logins that are nothing but
     * CANDIDATE: an organizer must not take over a colleague's account through a sitting.
     */
    @Transactional
    public String reissueCandidatePassword(long userId) {
        UserStore.Row row = users.findById(userId).orElseThrow(Refusal::notFound);
        if (!users.roles(userId).equals(EnumSet.of(Role.CANDIDATE))) {
            throw Refusal.conflict("account.password.reissue.notCandidate", row.username());
        }
        String password = randomPassword();
        users.setPassword(userId, passwords.encode(password));
        sessions.endAllOf(row.username(), userId);
        audit.record("PASSWORD_REISSUED", row.username(), null);
        return password;
    }

    public Optional<UserSummary> find(long userId) {
        return users.findById(userId).map(AccountService::summary);
    }

    /**
     * The users of the given ids that exist, by id; unknown ids are simply absent from the map. For lists of
     * candidates (rankings, enrolments, sittings), which read their accounts in a few queries rather than one a row.
     */
    public Map<Long, UserSummary> findAll(Collection<Long> userIds) {
        return users.findAll(userIds).stream().collect(Collectors.toMap(UserStore.Row::id, AccountService::summary));
    }

    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username).map(AccountService::summary);
    }

    /** Ids of the given usernames that exist; unknown names are simply absent from the map. */
    public Map<String, Long> idsByUsername(Collection<String> usernames) {
        return users.idsByUsername(usernames);
    }

    /** Enabled CANDIDATE accounts whose org unit is one of the given units (a practice programme's members). */
    public List<UserSummary> candidatesIn(Collection<Long> unitIds) {
        return users.withRoleIn(Role.CANDIDATE, unitIds).stream().map(AccountService::summary).toList();
    }

    public Set<Role> rolesOf(long userId) {
        return users.roles(userId);
    }

    private static UserSummary summary(UserStore.Row row) {
        return new UserSummary(row.id(), row.username(), row.displayName(), row.orgUnitId());
    }

    /**
     * True while the user still signs in with a password someone else handed them (a roll's, or an admin's reset):
     * they must choose their own before anything else.
     */
    boolean hasInitialPassword(String username) {
        return users.findByUsername(username).filter(r -> isInitial(r.passwordHash())).isPresent();
    }

    private static boolean isInitial(String passwordHash) {
        return passwordHash.startsWith(INITIAL_PREFIX);
    }

    private static final String INITIAL_PREFIX = "{SHA-256}";

    /** The hash of random initial passwords, which also marks them as initial; see {@link #issueRollLogins}. */
    @SuppressWarnings("deprecation")
    private static final PasswordEncoder INITIAL = new org.springframework.security.crypto.password.DelegatingPasswordEncoder("SHA-256",
            Map.of("SHA-256", new org.springframework.security.crypto.password.MessageDigestPasswordEncoder("SHA-256")));

    /** A random password that satisfies the policy: letters of both cases and digits, no look-alike characters. */
    static String randomPassword() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
            String candidate = sb.toString();
            if (PasswordPolicy.check(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    /** Changes the caller's own password after checking the current one; other sessions of the user end. */
    @Transactional
    void changeOwnPassword(CurrentUser user, String current, String next) {
        UserStore.Row row = users.findById(user.id()).orElseThrow(Refusal::notFound);
        if (!passwords.matches(current, row.passwordHash())) {
            throw Refusal.invalid(Violation.field("currentPassword", "account.password.wrongCurrent"));
        }
        PasswordPolicy.check(next).ifPresent(key -> {
            throw Refusal.invalid(Violation.field("newPassword", key));
        });
        if (next.equals(current)) {
            // Keeping a handed-out password would pass for a chosen one: the first-login change must change it.
            throw Refusal.invalid(Violation.field("newPassword", "account.password.sameAsCurrent"));
        }
        // A chosen password is always bcrypt, which also ends an initial password's hold on the account.
        users.setPassword(user.id(), passwords.encode(next));
        audit.record("PASSWORD_CHANGED", user.username(), null);
    }

    /** Disables or re-enables a login; disabling ends its sessions and tokens at once, on every node. */
    @Transactional
    void setEnabled(CurrentUser actor, long userId, boolean enabled) {
        UserStore.Row row = visibleUser(actor, userId);
        users.setEnabled(userId, enabled);
        if (!enabled) {
            sessions.endAllOf(row.username(), userId);
        }
        audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", row.username(), null);
    }

    /**
     * Changes a user's name and unit, within the actor's scope (the new unit too), and their roles when given (admins
     * only); all or nothing, audited with the old values.
     */
    @Transactional
    void update(CurrentUser actor, long userId, String displayName, @Nullable Long orgUnitId, @Nullable Set<Role> roles) {
        UserStore.Row row = visibleUser(actor, userId);
        if (roles != null && !actor.isAdmin()) {
            throw Refusal.forbidden();
        }
        List<Violation> problems = new ArrayList<>();
        if (roles != null && roles.isEmpty()) {
            problems.add(Violation.field("roles", "account.roles.required"));
        }
        if (displayName.isBlank()) {
            problems.add(Violation.field("displayName", "account.displayName.required"));
        }
        if (orgUnitId != null && (!orgs.exists(orgUnitId) || !scopes.covers(actor, orgUnitId))) {
            problems.add(Violation.field("orgUnitId", "account.orgUnit.unknown", orgUnitId));
        } else if (orgUnitId == null && actor.orgUnitId() != null && !actor.isAdmin()) {
            problems.add(Violation.field("orgUnitId", "account.orgUnit.required"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        users.update(userId, displayName.strip(), orgUnitId);
        if (roles != null && !roles.equals(users.roles(userId))) {
            changeRoles(actor, userId, roles);
        }
        if (!java.util.Objects.equals(row.orgUnitId(), orgUnitId)) {
            // The scope is read at sign-in: a moved user signs in again under the new one.
            sessions.endAllOf(row.username(), userId);
        }
        audit.record("USER_UPDATED", row.username(), "name=" + row.displayName() + " -> " + displayName.strip()
                + " unit=" + row.orgUnitId() + " -> " + orgUnitId);
    }

    /**
     * A person of the staff roll moved to another unit: their login moves with them, both its scope and the unit the
     * results it earns from now on are filed under (rankings already published keep the unit of their day). Its
     * sessions end, since the scope is read at sign-in.
     */
    @Transactional
    public void followPersonTo(long userId, long orgUnitId) {
        users.findById(userId).filter(r -> !java.util.Objects.equals(r.orgUnitId(), orgUnitId)).ifPresent(r -> {
            users.update(userId, r.displayName(), orgUnitId);
            sessions.endAllOf(r.username(), userId);
            audit.record("USER_UPDATED", r.username(), "unit=" + r.orgUnitId() + " -> " + orgUnitId + " (person moved)");
        });
    }

    /**
     * The person behind a login was erased (PIPL): the login closes, so it drops from every roster and sitting from now
     * on, and stops carrying their name; rankings already published keep its rows, under {@link #ERASED_NAME}.
     */
    @Transactional
    public void closeForErasedPerson(long userId) {
        users.findById(userId).ifPresent(r -> {
            users.setEnabled(userId, false);
            users.update(userId, ERASED_NAME, r.orgUnitId());
            sessions.endAllOf(r.username(), userId);
            audit.record("USER_DISABLED", r.username(), "person erased");
        });
    }

    /** The display name left on the login of an erased person. */
    public static final String ERASED_NAME = "（已删除）";

    /** Lifts a lock from failed logins at once, instead of waiting it out. */
    @Transactional
    void unlock(CurrentUser actor, long userId) {
        UserStore.Row row = visibleUser(actor, userId);
        users.clearFailures(row.username());
        audit.record("USER_UNLOCKED", row.username(), null);
    }

    /**
     * Gives a user a new random password, returned once for the actor to hand over; the user's sessions and tokens end.
     * The password is never stored in clear or shown again. Like a roll's, it is an initial password (the same fast
     * hash, see {@link #issueRollLogins}): its owner must choose their own at the next sign-in.
     */
    @Transactional
    String resetPassword(CurrentUser actor, long userId) {
        UserStore.Row row = visibleUser(actor, userId);
        String password = randomPassword();
        users.setPassword(userId, INITIAL.encode(password));
        users.clearFailures(row.username());
        sessions.endAllOf(row.username(), userId);
        audit.record("PASSWORD_RESET", row.username(), null);
        return password;
    }

    /** A login as the users page lists it: whether it is disabled, or locked from failed logins right now. */
    record Standing(UserStore.Row row, boolean locked) {}

    List<Standing> standings(CurrentUser actor, @Nullable String query) {
        Instant now = clock.instant();
        return users.list(query, LIST_LIMIT).stream().filter(r -> scopes.covers(actor, r.orgUnitId()))
                .map(r -> new Standing(r, r.lockedUntil() != null && r.lockedUntil().isAfter(now))).toList();
    }

    Standing standing(CurrentUser actor, long userId) {
        UserStore.Row row = visibleUser(actor, userId);
        return new Standing(row, row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant()));
    }

    /** Replaces a user's roles (admins only); audited with the old and new roles. */
    @Transactional
    void changeRoles(CurrentUser actor, long userId, Set<Role> roles) {
        UserStore.Row row = visibleUser(actor, userId);
        if (roles.isEmpty()) {
            throw Refusal.invalid(Violation.field("roles", "account.roles.required"));
        }
        Set<Role> before = users.roles(userId);
        users.replaceRoles(userId, roles);
        sessions.endAllOf(row.username(), userId);
        audit.record("ROLES_CHANGED", row.username(), before + " -> " + roles);
    }

    private UserStore.Row visibleUser(CurrentUser actor, long userId) {
        return users.findById(userId).filter(r -> scopes.covers(actor, r.orgUnitId())).orElseThrow(Refusal::notFound);
    }

    OrgDirectory orgs() {
        return orgs;
    }
}
