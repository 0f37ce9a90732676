package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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

/** Every message the bank shows exists in Chinese and in English, so no page or error falls back to a raw key. */
class BankMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/arena/bank");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/bank");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n", name))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> keysUsedIn(Path folder, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("bank_en.properties").stringPropertyNames()).isEqualTo(load("bank.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeAndPagesUseExists() throws IOException {
        Set<String> known = load("bank.properties").stringPropertyNames();
        Set<String> common = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>(keysUsedIn(SOURCES, ".java", Pattern.compile("\"((?:bank|question|response)\\.[A-Za-z.]+[A-Za-z])\"")));
        used.addAll(keysUsedIn(TEMPLATES, ".html", Pattern.compile("#\\{([A-Za-z.]+[A-Za-z])[(}]")));
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(used).allSatisfy(key -> assertThat(known.contains(key) || common.contains(key)).as(key).isTrue());
    }

    @Test
    void everyTypeDifficultyFieldAndTemplateColumnHasALabel() throws IOException {
        Set<String> known = load("bank.properties").stringPropertyNames();
        for (QuestionType type : QuestionType.values()) {
            assertThat(known).contains("bank.type." + type);
        }
        for (int d = 1; d <= 5; d++) {
            assertThat(known).contains("bank.difficulty." + d);
        }
        for (String field : new String[] {"type", "stem", "options", "answer", "analysis", "category", "difficulty", "points", "keywords", "name", "file"}) {
            assertThat(known).contains("bank.field." + field);
        }
        for (String column : new String[] {"type", "stem", "options", "answer", "analysis", "category", "difficulty", "points", "keywords"}) {
            assertThat(known).contains("bank.template.column." + column, "bank.template.help." + column);
        }
    }
}
