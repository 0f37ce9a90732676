package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every visible string goes through a message key that exists in Chinese and in English: a key missing from either
 * bundle, used in a template or a refusal but never defined, or a template text node with Chinese outside th:text,
 * fails here.
 */
class MessageBundlesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "(?:Violation\\.(?:field|cell|rule)\\([^;]*?|Refusal\\.(?:conflict|tooLarge)\\(|messages\\.get\\()\"([a-z][\\w]*(?:\\.[\\w]+)+)\"");

    @Test
    void everyChineseKeyHasAnEnglishTwinAndBack() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English bundle beside " + zh).exists();
                assertThat(load(en).stringPropertyNames()).as(en + " vs " + zh)
                        .containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
            }
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndRefusalsIsDefined() throws IOException {
        Set<String> defined = allKeys();
        Set<String> missing = new TreeSet<>();
        scan(TEMPLATES, ".html", TEMPLATE_KEY, defined, missing);
        scan(SOURCES, ".java", JAVA_KEY, defined, missing);
        assertThat(missing).as("message keys used but not defined").isEmpty();
    }

    @Test
    void templatesHaveNoChineseOutsideMessageKeys() throws IOException {
        // Chinese placeholder text inside an element whose content th:text/th:replace sets is fine (natural templates);
        // Chinese in a bare text node would be shown to English readers as is.
        Pattern element = Pattern.compile("<([a-zA-Z][^<>]*)>([^<>]*\\p{IsHan}[^<>]*)</");
        Set<String> offenders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = element.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String tag = m.group(1);
                    if (!tag.startsWith("title") && !tag.matches("(?s).*\\b(th:text|th:utext|th:replace|th:insert|sec:authentication)=.*")) {
                        offenders.add(file + ": " + m.group(2).strip());
                    }
                }
            }
        }
        assertThat(offenders).as("hard-coded Chinese text in templates").isEmpty();
    }

    private static void scan(Path root, String suffix, Pattern pattern, Set<String> defined, Set<String> missing) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!defined.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + root.relativize(file) + ")");
                    }
                }
            }
        }
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.toList()) {
                keys.addAll(load(file).stringPropertyNames());
            }
        }
        return keys;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
