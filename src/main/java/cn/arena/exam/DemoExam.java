package cn.arena.exam;

import cn.arena.account.AccountService;
import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionType;
import cn.arena.paper.Blueprint;
import cn.arena.paper.Papers;
import cn.arena.paper.Section;
import cn.arena.paper.Supply;
import cn.arena.shared.DemoMode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo exam, made once on a demo start: a 100-point paper of all six types drawn from the demo bank, a different
 * shuffled paper per candidate, open for 30 days, published, with demo-candidate enrolled.
 */
@Component
@Order(20)
class DemoExam implements ApplicationRunner {

    static final String TITLE = "演示考试：政务服务知识测验";
    static final String BANK = "政务服务技能竞赛题库（演示）";
    static final String CANDIDATE = "demo-candidate";

    private static final Logger log = LoggerFactory.getLogger(DemoExam.class);

    private final DemoMode demo;
    private final ExamStore exams;
    private final Papers papers;
    private final QuestionCatalog catalog;
    private final AccountService accounts;
    private final Clock clock;

    DemoExam(DemoMode demo, ExamStore exams, Papers papers, QuestionCatalog catalog, AccountService accounts, Clock clock) {
        this.demo = demo;
        this.exams = exams;
        this.papers = papers;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isOn() || exams.findByTitle(TITLE).isPresent()) {
            return;
        }
        Optional<Long> bank = catalog.findBankByName(BANK);
        if (bank.isEmpty()) {
            log.info("Demo exam skipped: the demo bank {} is not there", BANK);
            return;
        }
        Blueprint blueprint = new Blueprint(List.of(
                section(QuestionType.SINGLE_CHOICE, 20, 1), section(QuestionType.MULTIPLE_CHOICE, 10, 2),
                section(QuestionType.TRUE_FALSE, 10, 1), section(QuestionType.FILL_BLANK, 5, 2),
                section(QuestionType.SHORT_ANSWER, 2, 10), section(QuestionType.ESSAY, 1, 20)), null);
        List<Long> banks = List.of(bank.get());
        Supply supply = papers.supply(banks, blueprint);
        if (!supply.feasible()) {
            log.warn("Demo exam skipped: the demo bank cannot supply its blueprint ({})", supply.sections());
            return;
        }
        Instant now = clock.instant();
        Exam exam = new Exam(0, TITLE, null, banks, now, now.plus(Duration.ofDays(30)), 60, Exam.Variant.PER_CANDIDATE, true, true,
                blueprint, MultipleChoiceScoring.PARTIAL, null, new SecureRandom().nextLong(), Exam.Status.DRAFT, null);
        long id = exams.insert(exam, "demo", now);
        exams.publish(id, null);
        int enrolled = exams.enrol(id, accounts.idsByUsername(List.of(CANDIDATE)).values(), now);
        log.info("Demo exam {} published ({} items, {} points), {} candidate(s) enrolled", TITLE, blueprint.itemCount(),
                blueprint.totalPoints(), enrolled);
    }

    private static Section section(QuestionType type, int count, int points) {
        return new Section(type, count, BigDecimal.valueOf(points), null, null);
    }
}
