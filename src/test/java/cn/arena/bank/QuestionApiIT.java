package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionApiIT extends ApiTest {

    @Test
    void createsQuestionsOfEachAnswerShape() {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", "政务服务技能竞赛题库")).id();
        var single = as(organizer).post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "SINGLE_CHOICE",
                "stem", "“一网通办”的核心是什么？", "options", List.of(Api.obj("key", "A", "text", "数据共享"), Api.obj("key", "B", "text", "多头跑")),
                "answer", "A", "analysis", "数据多跑路，群众少跑腿。", "category", "政务服务/一网通办", "difficulty", 2, "points", 1));
        assertThat(single.status()).as(single.toString()).isEqualTo(201);
        var blank = as(organizer).post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "FILL_BLANK",
                "stem", "长三角政务服务（ ）和（ ）", "answer", List.of(List.of("一网通办"), List.of("跨省通办", "跨省办")), "points", 2));
        assertThat(blank.status()).as(blank.toString()).isEqualTo(201);
    }

    @Test
    void refusesABlankCountThatDoesNotMatchTheStem() {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", "题库")).id();
        var response = as(organizer).post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "FILL_BLANK",
                "stem", "只有一个空（ ）", "answer", List.of(List.of("a"), List.of("b"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("answer");
    }

    @Test
    void candidatesCannotListBanks() {
        assertThat(as(user("CANDIDATE")).get("/api/v1/banks").status()).isEqualTo(403);
    }
}
