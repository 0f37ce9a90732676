package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule a live command can break (built as "live.rule." + code, so the bundle test cannot see it) has its message. */
class LiveMessagesTest {

    @Test
    void everyBrokenRuleHasAChineseAndAnEnglishMessage() throws IOException {
        Set<String> rules = new TreeSet<>();
        Pattern broken = Pattern.compile("LiveRules\\.broken\\(\"([A-Z_]+)\"\\)");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/arena/live"))) {
            for (Path file : files.toList()) {
                Matcher m = broken.matcher(Files.readString(file));
                while (m.find()) {
                    rules.add(m.group(1));
                }
            }
        }
        assertThat(rules).contains("TIER_EXHAUSTED", "RECUSAL", "SCORES_MISSING", "NOT_RUNNING", "NO_ANSWERER", "ROUND_NOT_OVER");
        for (String bundle : new String[] {"live.properties", "live_en.properties"}) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/i18n", bundle), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String rule : rules) {
                assertThat(p.getProperty("live.rule." + rule)).as(bundle + " live.rule." + rule).isNotBlank();
            }
        }
    }
}
