package cn.arena.competition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The templates shipped under {@code competition/templates/*.yaml}, read once at start. */
@Component
class CompetitionTemplates {

    record Loaded(CompetitionTemplate template, String source) {}

    private final Map<String, Loaded> byCode = new LinkedHashMap<>();

    CompetitionTemplates() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:competition/templates/*.yaml");
        for (Resource file : files) {
            String source = file.getContentAsString(StandardCharsets.UTF_8);
            CompetitionTemplate template = CompetitionTemplate.parse(source);
            byCode.put(template.code(), new Loaded(template, source));
        }
    }

    List<CompetitionTemplate> all() {
        return byCode.values().stream().map(Loaded::template).sorted(Comparator.comparing(CompetitionTemplate::code)).toList();
    }

    Optional<Loaded> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
