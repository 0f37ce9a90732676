package cn.arena.org;

import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configurable list of staff categories (人员性质). Four ship with Arena (see V3_1__people.sql); admins add or
 * rename categories, never remove them, since people and competition rules refer to the codes.
 */
@Service
public class StaffCategories {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private final JdbcClient jdbc;

    StaffCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StaffCategory> all() {
        return jdbc.sql("select code, name from org_staff_category order by position, code")
                .query((rs, n) -> new StaffCategory(rs.getString("code"), rs.getString("name"))).list();
    }

    /** The code of the category written as {@code codeOrChineseName}: its code in any case, or its name. */
    public Optional<String> resolve(String codeOrChineseName) {
        return resolveIn(all(), codeOrChineseName);
    }

    static Optional<String> resolveIn(List<StaffCategory> categories, String codeOrChineseName) {
        String wanted = comparable(codeOrChineseName);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (StaffCategory category : categories) {
            if (category.code().equals(wanted.toUpperCase(Locale.ROOT)) || comparable(category.name()).equals(wanted)) {
                return Optional.of(category.code());
            }
        }
        return Optional.empty();
    }

    @Transactional
    void add(StaffCategory category) {
        List<Violation> problems = new ArrayList<>();
        if (!CODE.matcher(category.code()).matches()) {
            problems.add(Violation.field("code", "org.staffCategory.code.pattern"));
        } else if (resolve(category.code()).isPresent()) {
            problems.add(Violation.field("code", "org.staffCategory.taken"));
        }
        checkName(category.name(), null, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from org_staff_category").query(Integer.class).single();
        jdbc.sql("insert into org_staff_category (code, name, position) values (:c, :n, :p)")
                .param("c", category.code()).param("n", category.name().strip()).param("p", position).update();
    }

    @Transactional
    void rename(String code, String name) {
        if (jdbc.sql("select count(*) from org_staff_category where code = :c").param("c", code).query(Integer.class).single() == 0) {
            throw Refusal.notFound();
        }
        List<Violation> problems = new ArrayList<>();
        checkName(name, code, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        jdbc.sql("update org_staff_category set name = :n where code = :c").param("n", name.strip()).param("c", code).update();
    }

    private void checkName(String name, @Nullable String ownCode, List<Violation> problems) {
        if (name.isBlank() || name.strip().length() > 100) {
            problems.add(Violation.field("name", "org.staffCategory.name.required"));
        } else if (resolve(name).filter(code -> !code.equals(ownCode)).isPresent()) {
            problems.add(Violation.field("name", "org.staffCategory.taken"));
        }
    }

    /** Names as people type them: no spaces, half-width brackets the same as full-width ones. */
    private static String comparable(String text) {
        return text.replaceAll("\\s+", "").replace('(', '（').replace(')', '）');
    }
}
