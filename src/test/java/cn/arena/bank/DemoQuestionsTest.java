package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class DemoQuestionsTest {

    private static List<QuestionDraft> load(String resource) throws Exception {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return DemoQuestions.load(in);
        }
    }

    @Test
    void readsEveryTypeFromTheContractsShapeAndTurnsYamlScalarsOfBlanksIntoText() throws Exception {
        List<QuestionDraft> drafts = load("bank/questions-small.yaml");
        assertThat(drafts).extracting(QuestionDraft::type).containsExactly(QuestionType.values());
        assertThat(drafts.get(3).answer()).isEqualTo(Questions.json("[[\"2021\"],[\"true\",\"是\"]]"));
        assertThat(drafts.get(4).answer().asString()).isEqualTo("2021");
        assertThat(drafts.get(4).keywords()).containsExactly("好差评", "评价");
    }

    @Test
    void loadsFillInEntriesWhoseBlanksAreIdeographicSpacesOrFullWidthUnderscores() {
        String yaml = """
                - type: FILL_BLANK
                  stem: "政务服务“一网”指（\u3000\u3000），“一门”指＿＿＿。"
                  answer: [[一网通办], [一门式办理]]
                """;
        List<QuestionDraft> drafts = DemoQuestions.load(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(drafts).singleElement().satisfies(d -> assertThat(d.stem()).contains("（\u3000\u3000）"));
    }

    @Test
    void failsLoudlyNamingTheBrokenEntry() {
        assertThatThrownBy(() -> load("bank/questions-broken.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Demo question 2").hasMessageContaining("noSuchOption");
    }

    @Test
    void shipsAtLeastThreeHundredValidQuestionsOfAllSixTypes() throws Exception {
        List<QuestionDraft> drafts = load(DemoQuestions.RESOURCE);
        assertThat(drafts).hasSizeGreaterThanOrEqualTo(300);
        Set<QuestionType> types = drafts.stream().map(QuestionDraft::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(QuestionType.class)));
        assertThat(types).containsExactlyInAnyOrder(QuestionType.values());
        assertThat(drafts).allSatisfy(d -> assertThat(d.check()).as(d.stem()).isEmpty());
    }
}
