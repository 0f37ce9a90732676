package cn.arena.bank;

import cn.arena.shared.DemoMode;
import cn.arena.shared.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo bank (政务服务技能竞赛题库（演示）), loaded once on a demo start from {@code demo/questions.yaml}: a YAML list
 * of questions in the contract's JSON shape. A broken entry stops the start with its number and what is wrong, so
 * the shipped file can never half-load.
 */
@Component
@Order(10)
class DemoQuestions implements ApplicationRunner {

    static final String BANK_NAME = "政务服务技能竞赛题库（演示）";
    static final String RESOURCE = "demo/questions.yaml";

    private static final Logger log = LoggerFactory.getLogger(DemoQuestions.class);
    private static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final DemoMode demo;
    private final QuestionStore store;
    private final Clock clock;

    DemoQuestions(DemoMode demo, QuestionStore store, Clock clock) {
        this.demo = demo;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!demo.isOn() || store.findBankByName(BANK_NAME).isPresent()) {
            return;
        }
        List<QuestionDraft> drafts;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            drafts = load(in);
        }
        long bank = store.insertBank(BANK_NAME, null, "demo", clock.instant());
        drafts.forEach(d -> store.insert(d.toQuestion(bank), null, clock.instant()));
        log.info("Demo bank {} loaded with {} questions", BANK_NAME, drafts.size());
    }

    /** Every entry of the YAML list as a checked draft; the first broken entry fails with its 1-based number. */
    static List<QuestionDraft> load(InputStream yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof List<?> entries)) {
            throw new IllegalStateException(RESOURCE + " must be a YAML list of questions");
        }
        List<QuestionDraft> drafts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            QuestionDraft draft;
            try {
                draft = STRICT.convertValue(textualAnswer(entries.get(i)), QuestionDraft.class);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Demo question " + (i + 1) + " cannot be read: " + e.getMessage(), e);
            }
            List<Violation> problems = draft.check();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Demo question " + (i + 1) + " (" + draft.stem() + ") breaks " + problems);
            }
            drafts.add(draft);
        }
        return drafts;
    }

    /**
     * YAML reads 2021 or yes as a number or a boolean; a blank's alternatives and a reference answer are always text,
     * so they are turned back into strings before the draft's rules see them.
     */
    private static Object textualAnswer(Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new IllegalStateException("a question must be a YAML mapping");
        }
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        Object type = copy.get("type");
        Object answer = copy.get("answer");
        if ("FILL_BLANK".equals(type) && answer instanceof List<?> blanks) {
            copy.put("answer", blanks.stream().map(b -> b instanceof List<?> alts ? alts.stream().map(DemoQuestions::text).toList() : b).toList());
        } else if (("SHORT_ANSWER".equals(type) || "ESSAY".equals(type)) && answer != null) {
            copy.put("answer", text(answer));
        }
        return copy;
    }

    private static Object text(Object scalar) {
        return scalar instanceof Number || scalar instanceof Boolean ? scalar.toString() : scalar;
    }
}
