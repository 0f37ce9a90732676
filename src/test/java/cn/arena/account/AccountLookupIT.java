package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Looking up many accounts at once, as rankings, enrolments and sittings do for thousands of candidates. */
class AccountLookupIT extends ApiTest {

    @Autowired
    AccountService accounts;

    private long idOf(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    @Test
    void findsExactlyTheExistingUsersWithTheirNamesAndIgnoresUnknownIds() {
        String candidate = user("CANDIDATE");
        String grader = user("GRADER");
        long candidateId = idOf(candidate);
        long graderId = idOf(grader);

        Map<Long, AccountService.UserSummary> found = accounts.findAll(List.of(candidateId, -1L, graderId, Long.MAX_VALUE, candidateId));

        assertThat(found).containsOnlyKeys(candidateId, graderId);
        assertThat(found.get(candidateId).username()).isEqualTo(candidate);
        assertThat(found.get(candidateId).displayName()).isEqualTo("测试" + candidate);
        assertThat(found.get(graderId).username()).isEqualTo(grader);
        assertThat(found.get(graderId).displayName()).isEqualTo("测试" + grader);
    }

    @Test
    void noIdsFindNobody() {
        assertThat(accounts.findAll(List.of())).isEmpty();
    }

    @Test
    void findsUsersAmongMoreIdsThanOneStatementMayBind() {
        String first = user("CANDIDATE");
        String middle = user("CANDIDATE");
        String last = user("CANDIDATE");
        List<Long> ids = new ArrayList<>();
        ids.add(idOf(first));
        LongStream.rangeClosed(1, 35_000).forEach(n -> ids.add(-n));
        ids.add(idOf(middle));
        LongStream.rangeClosed(35_001, 70_000).forEach(n -> ids.add(-n));
        ids.add(idOf(last));

        Map<Long, AccountService.UserSummary> found = accounts.findAll(ids);

        assertThat(found).hasSize(3);
        assertThat(found.values()).extracting(AccountService.UserSummary::username).containsExactlyInAnyOrder(first, middle, last);
    }
}
