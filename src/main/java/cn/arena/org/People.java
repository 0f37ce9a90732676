package cn.arena.org;

import cn.arena.account.AccountService;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People of the org tree: who they are, where they work, their staff category. A person is created by registering
 * them (by hand, by import, or through a competition's team registration) and is found again by ID number: there is
 * never more than one person per ID number, so registering a known number updates that person instead. Deleting a
 * person erases their personal data and keeps only an empty row, so teams and results that refer to it stay whole.
 * ID numbers are held encrypted; only {@link #lookupKey(String)} hashes leave this class.
 */
@Service
public class People {

    /** A person as entered; {@code idNumber} and {@code staffCategory} as people write them (category: code or name). */
    public record NewPerson(String name, String idNumber, String mobile, @Nullable String landline, String staffCategory, long orgUnitId) {

        /** Without the ID number, so that logging an entry never logs the number. */
        @Override
        public String toString() {
            return "NewPerson[name=" + name + ", idNumber=(hidden), staffCategory=" + staffCategory + ", orgUnitId=" + orgUnitId + "]";
        }
    }

    /** A person as every other module sees them: the ID number masked, the staff category as its code. */
    public record PersonView(long id, String name, String maskedIdNumber, String mobile, @Nullable String landline,
            String staffCategory, long orgUnitId, @Nullable Long userId) {}

    /** A person with what only this module's own screens show. */
    record Details(PersonView person, @Nullable Employment employment) {}

    /** Search criteria; each is optional. The unit criterion covers the units below it too. */
    record Query(@Nullable String idNumber, @Nullable String name, @Nullable Long orgUnitId) {

        @Override
        public String toString() {
            return "Query[idNumber=" + (idNumber == null ? "null" : "(hidden)") + ", name=" + name + ", orgUnitId=" + orgUnitId + "]";
        }
    }

    static final int MAX_NAME = 50;
    private static final int SEARCH_LIMIT = 500;
    private static final String COLUMNS = "id, name, id_masked, mobile, landline, staff_category, employment, org_unit_id, user_id";

    private final JdbcClient jdbc;
    /** For linking a whole roll to its new accounts in batches, which JdbcClient does not offer. */
    private final JdbcTemplate batch;
    private final IdNumberCipher cipher;
    private final StaffCategories categories;
    private final OrgTree tree;
    private final Scopes scopes;
    private final AuditLog audit;
    private final AccountService accounts;
    private final Clock clock;

    People(JdbcClient jdbc, JdbcTemplate batch, IdNumberCipher cipher, StaffCategories categories, OrgTree tree, Scopes scopes,
            AuditLog audit, AccountService accounts, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.accounts = accounts;
        this.cipher = cipher;
        this.categories = categories;
        this.tree = tree;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every rule the entry breaks, each on its field ({@code name, idNumber, mobile, landline, staffCategory, orgUnitId}). */
    public List<Violation> check(NewPerson p) {
        List<Violation> problems = new ArrayList<>();
        if (p.name().isBlank()) {
            problems.add(Violation.field("name", "org.person.name.required"));
        } else if (p.name().strip().length() > MAX_NAME) {
            problems.add(Violation.field("name", "org.person.name.tooLong", MAX_NAME));
        }
        IdNumber.problem(p.idNumber()).ifPresent(key -> problems.add(Violation.field("idNumber", key)));
        if (p.mobile().isBlank()) {
            problems.add(Violation.field("mobile", "org.person.mobile.required"));
        } else if (PhoneNumbers.mobile(p.mobile()).isEmpty()) {
            problems.add(Violation.field("mobile", "org.person.mobile.pattern"));
        }
        if (p.landline() != null && !p.landline().isBlank() && PhoneNumbers.landline(p.landline()).isEmpty()) {
            problems.add(Violation.field("landline", "org.person.landline.pattern"));
        }
        if (p.staffCategory().isBlank()) {
            problems.add(Violation.field("staffCategory", "org.person.staffCategory.required"));
        } else if (categories.resolve(p.staffCategory()).isEmpty()) {
            problems.add(Violation.field("staffCategory", "org.person.staffCategory.unknown", p.staffCategory().strip()));
        }
        if (!tree.exists(p.orgUnitId())) {
            problems.add(Violation.field("orgUnitId", "org.person.orgUnit.unknown"));
        }
        return problems;
    }

    /**
     * Registers a person in a unit within the actor's scope: creates them, or, when a person with this ID number
     * exists, brings that person up to date (name, phones, category, unit) and returns their id.
     */
    @Transactional
    public long register(CurrentUser actor, NewPerson p) {
        return register(actor, p, null);
    }

    /** As {@link #register(CurrentUser, NewPerson)}; a null employment leaves a known person's as it was. */
    @Transactional
    long register(CurrentUser actor, NewPerson p, @Nullable Employment employment) {
        List<Violation> problems = checkInScope(actor, p);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        IdNumber id = IdNumber.parse(p.idNumber());
        String hash = cipher.hash(id.value());
        String category = categories.resolve(p.staffCategory()).orElseThrow();
        String mobile = PhoneNumbers.mobile(p.mobile()).orElseThrow();
        String landline = p.landline() == null || p.landline().isBlank() ? null : PhoneNumbers.landline(p.landline()).orElseThrow();
        Optional<Long> existing = idByHash(hash);
        if (existing.isPresent()) {
            // A known person in another unit has moved: their login, if they have one, moves with them.
            accountOf(existing.get()).ifPresent(userId -> accounts.followPersonTo(userId, p.orgUnitId()));
            jdbc.sql("""
                    update org_person set name = :name, mobile = :mobile, landline = :landline, staff_category = :category,
                    org_unit_id = :unit, employment = coalesce(:employment, employment) where id = :id""")
                    .param("name", p.name().strip()).param("mobile", mobile).param("landline", landline)
                    .param("category", category).param("unit", p.orgUnitId())
                    .param("employment", employment == null ? null : employment.name()).param("id", existing.get()).update();
            audit.record("PERSON_UPDATED", target(existing.get()), "unit=" + p.orgUnitId());
            return existing.get();
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into org_person (name, id_number_enc, id_number_hash, id_masked, mobile, landline, staff_category,
                    employment, org_unit_id, created_at)
                    values (:name, :enc, :hash, :masked, :mobile, :landline, :category, :employment, :unit, :now)""")
                    .param("name", p.name().strip()).param("enc", cipher.encrypt(id.value())).param("hash", hash)
                    .param("masked", id.masked()).param("mobile", mobile).param("landline", landline).param("category", category)
                    .param("employment", employment == null ? null : employment.name()).param("unit", p.orgUnitId())
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            // Someone registered the same number a moment ago; the unique hash kept it to one person. Try again.
            throw Refusal.conflict("org.person.registeredConcurrently");
        }
        long personId = keys.getKeyAs(Long.class);
        audit.record("PERSON_CREATED", target(personId), "unit=" + p.orgUnitId());
        return personId;
    }

    /** {@link #check(NewPerson)} plus: the unit lies in the actor's scope (reported as unknown, like a missing unit). */
    List<Violation> checkInScope(CurrentUser actor, NewPerson p) {
        List<Violation> problems = check(p);
        boolean unitProblem = problems.stream().anyMatch(v -> "orgUnitId".equals(v.field()));
        if (!unitProblem && !scopes.covers(actor, p.orgUnitId())) {
            problems.add(Violation.field("orgUnitId", "org.person.orgUnit.unknown"));
        }
        return problems;
    }

    public Optional<PersonView> find(long personId) {
        return details(personId).map(Details::person);
    }

    Optional<Details> details(long personId) {
        return jdbc.sql("select " + COLUMNS + " from org_person where id = :id and erased_at is null").param("id", personId)
                .query(People::details).optional();
    }

    /** The person, if they exist and lie in the caller's scope; otherwise 404. */
    Details get(CurrentUser user, long personId) {
        return details(personId).filter(d -> scopes.covers(user, d.person().orgUnitId())).orElseThrow(Refusal::notFound);
    }

    /** The person with exactly this ID number; empty for an unknown or malformed number. */
    public Optional<Long> findIdByIdNumber(String idNumber) {
        if (IdNumber.problem(idNumber).isPresent()) {
            return Optional.empty();
        }
        return idByHash(lookupKey(idNumber));
    }

    /**
     * The keyed hash of an ID number, for modules that must recognise a number later without storing it (an
     * ineligibility list). Refuses a malformed number with a 422 on {@code idNumber}.
     */
    public String lookupKey(String idNumber) {
        return cipher.hash(IdNumber.parse(idNumber).value());
    }

    /** The keyed hash of the person's ID number (as {@link #lookupKey(String)} gives it); empty for an erased person. */
    public Optional<String> lookupKeyOf(long personId) {
        return jdbc.sql("select id_number_hash from org_person where id = :id and erased_at is null").param("id", personId)
                .query(String.class).optional();
    }

    @Transactional
    public void linkAccount(long personId, long userId) {
        if (jdbc.sql("update org_person set user_id = :u where id = :id and erased_at is null")
                .param("u", userId).param("id", personId).update() == 0) {
            throw Refusal.notFound();
        }
    }

    /** A person on a unit's staff roll, as rosters and participation figures see them (erased people are not). */
    public record RollEntry(long personId, String name, long orgUnitId, @Nullable Long userId) {}

    /** The staff roll of the given units: every person not erased, by id. */
    public List<RollEntry> roll(Collection<Long> unitIds) {
        List<Long> units = unitIds.stream().distinct().toList();
        List<RollEntry> roll = new ArrayList<>();
        for (int from = 0; from < units.size(); from += 1_000) {
            roll.addAll(jdbc.sql("select id, name, org_unit_id, user_id from org_person where erased_at is null and org_unit_id in (:u) order by id")
                    .param("u", units.subList(from, Math.min(from + 1_000, units.size())))
                    .query((rs, n) -> new RollEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class))).list());
        }
        return roll;
    }

    /** A login handed out for a person of a roll: the row of the workbook {@code POST /people/accounts} returns. */
    public record IssuedAccount(String name, String unit, String username, String initialPassword) {}

    /**
     * Candidate logins for everyone of the unit's subtree who has none, each in their own unit, username their mobile
     * number where free; people who have an account keep it and are not listed. 404 for a unit outside the scope.
     */
    @Transactional
    public List<IssuedAccount> issueAccounts(CurrentUser actor, @Nullable Long unitId) {
        if (unitId == null || !tree.exists(unitId) || !scopes.covers(actor, unitId)) {
            throw Refusal.notFound();
        }
        Map<Long, String> unitNames = new java.util.HashMap<>();
        tree.subtree(unitId).forEach(u -> unitNames.put(u.id(), u.name()));
        List<RollEntry> without = roll(unitNames.keySet()).stream().filter(p -> p.userId() == null).toList();
        Map<Long, String> mobiles = new java.util.HashMap<>();
        jdbc.sql("select id, mobile from org_person where erased_at is null and user_id is null and org_unit_id in (:u)")
                .param("u", List.copyOf(unitNames.keySet()))
                .query((rs, n) -> mobiles.put(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2))).list();
        List<AccountService.IssuedLogin> logins = accounts.issueRollLogins(without.stream()
                .map(p -> new AccountService.RollLogin(p.name(), p.orgUnitId(), mobiles.getOrDefault(p.personId(), ""))).toList());
        List<IssuedAccount> issued = new ArrayList<>(logins.size());
        batch.batchUpdate("update org_person set user_id = ? where id = ?", java.util.stream.IntStream.range(0, logins.size()).boxed().toList(),
                1_000, (ps, i) -> {
                    ps.setLong(1, logins.get(i).userId());
                    ps.setLong(2, without.get(i).personId());
                });
        for (int i = 0; i < logins.size(); i++) {
            RollEntry person = without.get(i);
            issued.add(new IssuedAccount(person.name(), unitNames.get(person.orgUnitId()), logins.get(i).username(), logins.get(i).initialPassword()));
        }
        audit.record("PEOPLE_ACCOUNTS_ISSUED", "org:" + unitId, issued.size() + " accounts");
        return issued;
    }

    public Optional<Long> accountOf(long personId) {
        return jdbc.sql("select user_id from org_person where id = :id and erased_at is null").param("id", personId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class))).optional().flatMap(o -> o);
    }

    /** People in the caller's scope matching every given criterion, at most 500, by id. */
    List<PersonView> search(CurrentUser user, Query query) {
        @Nullable List<Long> units;
        if (query.orgUnitId() != null) {
            if (!tree.exists(query.orgUnitId()) || !scopes.covers(user, query.orgUnitId())) {
                return List.of();
            }
            units = tree.subtreeIds(query.orgUnitId());
        } else {
            units = user.isAdmin() || user.orgUnitId() == null ? null : tree.subtreeIds(user.orgUnitId());
        }
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from org_person where erased_at is null");
        Map<String, Object> params = new LinkedHashMap<>();
        if (units != null) {
            if (units.isEmpty()) {
                return List.of();
            }
            sql.append(" and org_unit_id in (:units)");
            params.put("units", units);
        }
        if (query.idNumber() != null && !query.idNumber().isBlank()) {
            if (IdNumber.problem(query.idNumber()).isPresent()) {
                return List.of();
            }
            sql.append(" and id_number_hash = :hash");
            params.put("hash", lookupKey(query.idNumber()));
        }
        if (query.name() != null && !query.name().isBlank()) {
            sql.append(" and name like :name escape '\\'");
            params.put("name", "%" + query.name().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by id limit ").append(SEARCH_LIMIT);
        return jdbc.sql(sql.toString()).params(params).query(People::details).list().stream().map(Details::person).toList();
    }

    /** The full ID number, for an admin's eyes only; every call is audited (the number itself never is). */
    @Transactional
    String fullIdNumber(CurrentUser admin, long personId) {
        if (!admin.isAdmin()) {
            throw Refusal.forbidden();
        }
        get(admin, personId);
        String encrypted = jdbc.sql("select id_number_enc from org_person where id = :id").param("id", personId).query(String.class).single();
        audit.record("ID_NUMBER_VIEWED", target(personId), null);
        return cipher.decrypt(encrypted);
    }

    /** Erases the person's personal data (PIPL art. 47); the empty row keeps references from teams and results valid. */
    @Transactional
    void erase(CurrentUser user, long personId) {
        get(user, personId);
        accountOf(personId).ifPresent(accounts::closeForErasedPerson);
        jdbc.sql("""
                update org_person set name = null, id_number_enc = null, id_number_hash = null, id_masked = null, mobile = null,
                landline = null, staff_category = null, employment = null, erased_at = :now where id = :id""")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", personId).update();
        audit.record("PERSON_ERASED", target(personId), null);
    }

    private Optional<Long> idByHash(String hash) {
        return jdbc.sql("select id from org_person where id_number_hash = :h").param("h", hash).query(Long.class).optional();
    }

    private static String target(long personId) {
        return "person:" + personId;
    }

    private static Details details(ResultSet rs, int n) throws SQLException {
        String employment = rs.getString("employment");
        return new Details(new PersonView(rs.getLong("id"), rs.getString("name"), rs.getString("id_masked"), rs.getString("mobile"),
                rs.getString("landline"), rs.getString("staff_category"), rs.getLong("org_unit_id"), rs.getObject("user_id", Long.class)),
                employment == null ? null : Employment.valueOf(employment));
    }
}
