package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person as typed into the API or the web form, every field possibly missing. Registering it reports every
 * problem at once, on its field, and defaults the unit to the caller's own scope unit.
 */
record PersonForm(@Nullable String name, @Nullable String idNumber, @Nullable String mobile, @Nullable String landline,
        @Nullable String staffCategory, @Nullable Long orgUnitId, @Nullable String employment) {

    record Registered(long id, String maskedIdNumber) {}

    /** Without the ID number, so that logging a form never logs the number. */
    @Override
    public String toString() {
        return "PersonForm[name=" + name + ", idNumber=(hidden), staffCategory=" + staffCategory + ", orgUnitId=" + orgUnitId + "]";
    }

    Registered register(People people, CurrentUser actor) {
        Long unit = orgUnitId != null ? orgUnitId : actor.isAdmin() ? null : actor.orgUnitId();
        People.NewPerson person = new People.NewPerson(nz(name), nz(idNumber), nz(mobile), landline, nz(staffCategory),
                unit == null ? 0 : unit);
        List<Violation> problems = new ArrayList<>();
        for (Violation v : people.checkInScope(actor, person)) {
            problems.add(unit == null && "orgUnitId".equals(v.field()) ? Violation.field("orgUnitId", "org.person.orgUnit.required") : v);
        }
        @Nullable Employment parsed = null;
        if (employment != null && !employment.isBlank()) {
            parsed = Employment.parse(employment).orElse(null);
            if (parsed == null) {
                problems.add(Violation.field("employment", "org.person.employment.unknown"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        long id = people.register(actor, person, parsed);
        return new Registered(id, IdNumber.parse(person.idNumber()).masked());
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
