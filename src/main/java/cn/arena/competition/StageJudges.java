package cn.arena.competition;

import cn.arena.account.AccountService;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel of judges (评委) of a stage that people score rather than an exam: the live final's essay round, an
 * interview. Who is recused (回避) for whom is the scoring rule's business; this only says who sits on the panel.
 */
@Service
public class StageJudges {

    /** A judge on a stage's panel, with the org unit the recusal rules compare. */
    public record Judge(long userId, String username, String displayName, @Nullable Long orgUnitId) {}

    private final Stages stages;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    StageJudges(Stages stages, AccountService accounts, JdbcClient jdbc, AuditLog audit) {
        this.stages = stages;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Makes the named JUDGE accounts the stage's panel (replacing it); returns how many sit on it. */
    @Transactional
    int appoint(CurrentUser actor, long stageId, @Nullable List<String> usernames) {
        Stages.StageOf s = stages.managed(actor, stageId);
        if (s.stage().kind() == StageKind.WRITTEN) {
            throw Refusal.conflict("competition.judges.writtenStage");
        }
        Set<String> names = new LinkedHashSet<>(usernames == null ? List.of() : usernames);
        Map<String, Long> ids = accounts.idsByUsername(names);
        List<Violation> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(Violation.field("usernames", "competition.judges.required"));
        }
        for (String name : names) {
            Long id = ids.get(name);
            if (id == null) {
                problems.add(Violation.field("usernames", "competition.judges.unknown", name));
            } else if (!accounts.rolesOf(id).contains(Role.JUDGE)) {
                problems.add(Violation.field("usernames", "competition.judges.notJudge", name));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        jdbc.sql("delete from competition_stage_judge where stage_id = :stage").param("stage", stageId).update();
        for (String name : names) {
            jdbc.sql("insert into competition_stage_judge (stage_id, user_id) values (:stage, :user)")
                    .param("stage", stageId).param("user", ids.get(name)).update();
        }
        audit.record("STAGE_JUDGES_APPOINTED", "stage:" + stageId, "judges=" + names);
        return names.size();
    }

    /** The stage's panel, in the order of their accounts. */
    public List<Judge> panel(long stageId) {
        List<Long> ids = jdbc.sql("select user_id from competition_stage_judge where stage_id = :stage order by user_id")
                .param("stage", stageId).query(Long.class).list();
        var found = accounts.findAll(ids);
        return ids.stream().filter(found::containsKey).map(found::get)
                .map(u -> new Judge(u.id(), u.username(), u.displayName(), u.orgUnitId())).toList();
    }

    public boolean isJudge(long stageId, long userId) {
        return jdbc.sql("select count(*) from competition_stage_judge where stage_id = :stage and user_id = :user")
                .param("stage", stageId).param("user", userId).query(Integer.class).single() > 0;
    }
}
