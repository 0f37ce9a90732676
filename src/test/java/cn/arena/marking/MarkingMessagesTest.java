package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.QuestionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

/** Every marking message exists in Chinese and English, and every key the code and pages use is defined. */
class MarkingMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(marking\\.[A-Za-z_.]+[A-Za-z_])\"|#\\{(marking\\.[A-Za-z_.]+[A-Za-z_])");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MarkingMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("marking_en.properties").stringPropertyNames()).isEqualTo(load("marking.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInCodeAndPagesIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String root : new String[] {"src/main/java/cn/arena/marking", "src/main/resources/templates/marking"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = KEY.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                }
            }
        }
        for (QuestionType type : QuestionType.values()) {
            used.add("marking.type." + type.name());
        }
        assertThat(used).isNotEmpty();
        assertThat(load("marking.properties").stringPropertyNames()).containsAll(used);
    }
}
