package cn.arena.practice;

import static cn.arena.practice.PracticeFixture.right;
import static cn.arena.practice.PracticeFixture.wrong;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Year-round practice through the HTTP API, moving the server's clock across days, a week end and a month end of
 * March 2027 (2027-03-01 is a Monday, week 2027-W09; the March contest runs Saturday 27th to Monday 29th).
 */
class PracticeJourneyIT extends PracticeTest {

    @Test
    void rulesLeftOutTakeTheSeedsDefaultsAndBadOnesAreNamedByField() {
        at("2027-03-01T10:00:00+08:00");
        long id = programme(obj("daily", obj("starDays", 3), "weekly", obj("aceTop", 3)));
        JsonNode rules = f.organizer.get(base(id)).json().get("rules");
        assertThat(rules.get("daily").get("questions").asInt()).isEqualTo(5);
        assertThat(rules.get("daily").get("starDays").asInt()).isEqualTo(3);
        assertThat(rules.get("weekly").get("questions").asInt()).isEqualTo(20);
        assertThat(rules.get("weekly").get("minutes").asInt()).isEqualTo(20);
        assertThat(rules.get("weekly").get("aceTop").asInt()).isEqualTo(3);
        assertThat(rules.get("monthly").get("questions").asInt()).isEqualTo(50);
        assertThat(rules.get("monthly").get("minutes").asInt()).isEqualTo(60);
        assertThat(rules.get("annualTop").asInt()).isEqualTo(10);

        Api.Response bad = f.organizer.post("/api/v1/practice/programmes", obj("name", "坏规则", "orgUnitId", f.province,
                "bankIds", List.of(f.bank), "year", 2027, "rules", obj("weekly", obj("minutes", 0))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("rules.weekly.minutes");
        Api.Response outside = f.cityOrganizer.post("/api/v1/practice/programmes", obj("name", "越权", "orgUnitId", f.province,
                "bankIds", List.of(f.bank), "year", 2027));
        assertThat(outside.status()).isEqualTo(422);
    }

    @Test
    void theCurrentWeeksPracticeExistsAsSoonAsTheProgrammeIsCreatedAndTheCalendarShowsTheWindows() {
        at("2027-03-01T10:00:00+08:00");
        long id = smallProgramme();
        JsonNode march = calendar(id, "2027-03");
        assertThat(march.get("weeks")).hasSize(5);
        JsonNode w09 = march.get("weeks").get(0);
        assertThat(w09.get("week").asText()).isEqualTo("2027-W09");
        assertThat(w09.get("examId").isNull()).isFalse();
        assertThat(OffsetDateTime.parse(w09.get("windowStart").asText()).toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-01T00:00:00+08:00").toInstant());
        assertThat(OffsetDateTime.parse(w09.get("windowEnd").asText()).toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-08T00:00:00+08:00").toInstant());
        assertThat(march.get("weeks").get(4).get("week").asText()).isEqualTo("2027-W13");
        assertThat(march.get("weeks").get(4).get("examId").isNull()).isTrue();
        JsonNode contest = march.get("monthly");
        assertThat(OffsetDateTime.parse(contest.get("windowStart").asText()).toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-27T00:00:00+08:00").toInstant());
        assertThat(OffsetDateTime.parse(contest.get("windowEnd").asText()).toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-29T00:00:00+08:00").toInstant());
        assertThat(contest.get("examId").isNull()).isTrue();

        at("2027-03-21T10:00:00+08:00");
        schedule.runOnce();
        assertThat(calendar(id, "2027-03").get("monthly").get("examId").isNull()).as("made a week ahead").isFalse();
        assertThat(f.cityOrganizer.get(base(id) + "/calendar?month=2027-03").status()).isEqualTo(200);
        assertThat(f.organizer.get(base(id) + "/calendar?month=2027-13").status()).isEqualTo(422);
    }

    @Test
    void theDailySetIsKeptAllDayShowsItsKeyOnlyAfterEachAnswerAndTheStreakGrowsDayByDay() {
        at("2027-03-01T09:00:00+08:00");
        long id = smallProgramme();
        Api jia = f.members.get("甲");
        Api.Response morning = jia.get(base(id) + "/daily");
        assertThat(morning.status()).isEqualTo(200);
        assertThat(morning.json().get("date").asText()).isEqualTo("2027-03-01");
        assertThat(morning.json().get("items")).hasSize(3);
        assertThat(morning.json().get("done").asBoolean()).isFalse();
        assertThat(morning.text()).doesNotContain(PracticeFixture.ANALYSIS).doesNotContain("correctAnswer").doesNotContain("\"answer\"");

        JsonNode first = morning.json().get("items").get(0);
        Api.Response answered = jia.put(base(id) + "/daily/answers/1", obj("value", right(first)));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().get("correct").asBoolean()).isTrue();
        assertThat(answered.json().get("analysis").asText()).isEqualTo(PracticeFixture.ANALYSIS);
        assertThat(answered.json().get("correctAnswer").toString()).isEqualTo(first.get("type").asText().equals("TRUE_FALSE") ? "true" : "\"A\"");
        assertThat(jia.put(base(id) + "/daily/answers/1", obj("value", right(first))).status()).isEqualTo(409);
        assertThat(jia.put(base(id) + "/daily/answers/2", obj("value", obj("x", 1))).status()).isEqualTo(422);
        assertThat(jia.put(base(id) + "/daily/answers/9", obj("value", true)).status()).isEqualTo(404);
        assertThat(jia.get(base(id) + "/me").json().get("studiedDays").asInt()).as("a day half done is not studied").isZero();

        at("2027-03-01T23:59:00+08:00");
        Api.Response evening = jia.get(base(id) + "/daily");
        assertThat(PracticeFixture.stems(evening.json().get("items"))).isEqualTo(PracticeFixture.stems(morning.json().get("items")));
        assertThat(evening.json().get("answered").get("1").get("correct").asBoolean()).isTrue();
        study(jia, id);
        JsonNode me = jia.get(base(id) + "/me").json();
        assertThat(me.get("studiedDays").asInt()).isEqualTo(1);
        assertThat(me.get("streak").asInt()).isEqualTo(1);

        at("2027-03-02T08:00:00+08:00");
        assertThat(jia.get(base(id) + "/me").json().get("streak").asInt()).as("today not yet studied: the run holds").isEqualTo(1);
        JsonNode second = study(jia, id);
        assertThat(second.get("date").asText()).isEqualTo("2027-03-02");
        assertThat(PracticeFixture.stems(second.get("items"))).as("questions not met before first")
                .doesNotContainAnyElementsOf(PracticeFixture.stems(morning.json().get("items")));
        assertThat(jia.get(base(id) + "/me").json().get("streak").asInt()).isEqualTo(2);

        at("2027-03-04T08:00:00+08:00");
        study(jia, id);
        me = jia.get(base(id) + "/me").json();
        assertThat(me.get("streak").asInt()).as("a missed day breaks the run").isEqualTo(1);
        assertThat(me.get("longestStreak").asInt()).isEqualTo(2);
        assertThat(me.get("studiedDays").asInt()).isEqualTo(3);
    }

    @Test
    void aWrongDailyAnswerGoesIntoTheBookAtOnceAndTwoRightInARowClearIt() {
        at("2027-03-01T09:00:00+08:00");
        long id = smallProgramme();
        Api yi = f.members.get("乙");
        JsonNode day = study(yi, id, 2);
        JsonNode missed = day.get("items").get(1);
        JsonNode book = yi.get(base(id) + "/mistakes").json().get("items");
        assertThat(book).hasSize(1);
        assertThat(book.get(0).get("stem").asText()).isEqualTo(missed.get("stem").asText());
        assertThat(book.get(0).get("wrongCount").asInt()).isEqualTo(1);
        assertThat(book.get(0).get("analysis").asText()).isEqualTo(PracticeFixture.ANALYSIS);
        long question = book.get(0).get("questionId").asLong();
        String path = base(id) + "/mistakes/" + question + "/answer";

        JsonNode r1 = yi.post(path, obj("value", right(missed))).json();
        assertThat(r1.get("correct").asBoolean()).isTrue();
        assertThat(r1.get("cleared").asBoolean()).isFalse();
        assertThat(yi.post(path, obj("value", wrong(missed))).json().get("cleared").asBoolean()).isFalse();
        assertThat(yi.get(base(id) + "/mistakes").json().get("items").get(0).get("wrongCount").asInt()).isEqualTo(2);
        assertThat(yi.post(path, obj("value", right(missed))).json().get("cleared").asBoolean()).isFalse();
        assertThat(yi.post(path, obj("value", right(missed))).json().get("cleared").asBoolean()).isTrue();
        assertThat(yi.get(base(id) + "/mistakes").json().get("items")).isEmpty();
        assertThat(yi.post(path, obj("value", right(missed))).status()).isEqualTo(404);
    }

    @Test
    void onlyMembersStudyAndOtherScopesSeeNothing() {
        at("2027-03-01T09:00:00+08:00");
        long id = smallProgramme();
        assertThat(f.organizer.get(base(id) + "/daily").status()).as("wrong role").isEqualTo(403);
        String stranger = user("CANDIDATE", orgUnit(unique("外省"), "PROVINCE", null));
        assertThat(as(stranger).get(base(id) + "/daily").status()).isEqualTo(404);
        assertThat(as(stranger).get(base(id)).status()).isEqualTo(404);
        String otherOrganizer = user("ORGANIZER", orgUnit(unique("外省"), "PROVINCE", null));
        assertThat(as(otherOrganizer).get(base(id)).status()).isEqualTo(404);
        assertThat(as(otherOrganizer).get(base(id) + "/participation").status()).isEqualTo(404);
        assertThat(f.cityOrganizer.get(base(id)).status()).isEqualTo(200);
        assertThat(f.cityOrganizer.get(base(id) + "/participation?orgUnitId=" + f.cityB).status()).isEqualTo(404);
        assertThat(f.members.get("甲").get(base(id) + "/participation").status()).isEqualTo(403);
    }

    @Test
    void theWeeklyPracticeIsReleasedWhenTheWeekEndsRanksTiesAndFeedsTheBookAndTheAce() throws InterruptedException {
        at("2027-03-01T10:00:00+08:00");
        long id = smallProgramme();
        long exam = calendar(id, "2027-03").get("weeks").get(0).get("examId").asLong();
        sit(f.members.get("甲"), exam, 4);
        sit(f.members.get("乙"), exam, 4);
        sit(f.members.get("丙"), exam, 2);
        sit(f.members.get("丁"), exam, 3);
        schedule.runOnce();
        assertThat(f.members.get("丙").get(base(id) + "/mistakes").json().get("items")).as("never while the exam is open").isEmpty();
        assertThat(board(f.organizer, id, "period=WEEK&key=2027-W09").get("rows")).as("nothing before release").isEmpty();

        at("2027-03-08T00:01:00+08:00");
        runJobUntil(() -> board(f.organizer, id, "period=WEEK&key=2027-W09").get("total").asInt() == 4);
        JsonNode all = board(f.members.get("丙"), id, "period=WEEK&key=2027-W09");
        assertThat(all.get("rows")).extracting(r -> r.get("rank").asInt()).containsExactly(1, 1, 3, 4);
        assertThat(all.get("rows")).extracting(r -> r.get("score").decimalValue().intValue()).containsExactly(100, 100, 75, 50);
        assertThat(all.get("me").get("rank").asInt()).isEqualTo(4);
        JsonNode cityA = board(f.members.get("丙"), id, "period=WEEK&key=2027-W09&orgUnitId=" + f.cityA);
        assertThat(cityA.get("rows")).extracting(r -> r.get("rank").asInt()).containsExactly(1, 1, 3);
        assertThat(cityA.get("total").asInt()).isEqualTo(3);
        assertThat(cityA.get("me").get("rank").asInt()).isEqualTo(3);
        assertThat(cityA.get("rows").get(0).get("unitName").asText()).startsWith("甲市");
        assertThat(board(f.members.get("戊"), id, "period=WEEK&key=2027-W09").get("me").isNull()).as("did not take part").isTrue();
        assertThat(f.members.get("丁").get(base(id) + "/leaderboard?period=WEEK&key=2027-W09&orgUnitId=" + f.cityA).status())
                .as("another city's board").isEqualTo(404);
        assertThat(f.organizer.get(base(id) + "/leaderboard?period=DAY&key=2027-W09").status()).isEqualTo(422);
        assertThat(board(f.organizer, id, "period=WEEK&key=2027-W20").get("rows")).isEmpty();

        assertThat(f.members.get("丙").get(base(id) + "/mistakes").json().get("items")).as("two wrong at release").hasSize(2);
        assertThat(titles(f.members.get("甲").get(base(id) + "/me").json())).containsExactly("WEEKLY_ACE 2027-W09");
        assertThat(titles(f.members.get("乙").get(base(id) + "/me").json())).containsExactly("WEEKLY_ACE 2027-W09");
        assertThat(titles(f.members.get("丁").get(base(id) + "/me").json())).isEmpty();
        schedule.runOnce();
        assertThat(titles(f.members.get("甲").get(base(id) + "/me").json())).as("awarded once").hasSize(1);
    }

    @Test
    void theMonthEndBringsTheContestResultsTheDailyStarParticipationAndTheOrgRanking() throws InterruptedException {
        at("2027-03-22T10:00:00+08:00");
        long id = smallProgramme();
        long contest = calendar(id, "2027-03").get("monthly").get("examId").asLong();
        at("2027-03-27T10:00:00+08:00");
        sit(f.members.get("甲"), contest, 4);
        sit(f.members.get("乙"), contest, 4);
        sit(f.members.get("丙"), contest, 2);
        sit(f.members.get("丁"), contest, 3);

        at("2027-03-29T00:01:00+08:00");
        runJobUntil(() -> board(f.organizer, id, "period=MONTH&key=2027-03").get("total").asInt() == 4);
        assertThat(board(f.organizer, id, "period=MONTH&key=2027-03").get("rows")).extracting(r -> r.get("rank").asInt())
                .containsExactly(1, 1, 3, 4);
        JsonNode year = board(f.members.get("丁"), id, "period=YEAR&key=2027");
        assertThat(year.get("rows")).extracting(r -> r.get("score").decimalValue().intValue()).containsExactly(100, 100, 75, 50);
        assertThat(year.get("me").get("rank").asInt()).isEqualTo(3);

        at("2027-03-30T08:00:00+08:00");
        study(f.members.get("甲"), id);
        at("2027-03-31T08:00:00+08:00");
        study(f.members.get("甲"), id);
        study(f.members.get("乙"), id);
        schedule.runOnce();
        assertThat(titles(f.members.get("甲").get(base(id) + "/me").json())).as("not before the month is over").isEmpty();
        at("2027-04-01T08:00:00+08:00");
        schedule.runOnce();
        study(f.members.get("甲"), id);
        JsonNode jia = f.members.get("甲").get(base(id) + "/me").json();
        assertThat(titles(jia)).containsExactly("DAILY_STAR 2027-03");
        assertThat(jia.get("streak").asInt()).as("across the month end").isEqualTo(3);
        assertThat(titles(f.members.get("乙").get(base(id) + "/me").json())).isEmpty();

        // The roll: 甲 乙 (A), 丙 (A1, in A), 丁 戊 (B), 己 (the province's own staff); 戊 and 己 never took part.
        JsonNode march = f.organizer.get(base(id) + "/participation?from=2027-03-01&to=2027-03-31").json();
        assertThat(march.get("people").asInt()).isEqualTo(6);
        assertThat(march.get("participants").asInt()).isEqualTo(4);
        assertThat(march.get("rate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(march.get("units")).extracting(u -> u.get("orgUnitId").asLong(), u -> u.get("people").asInt(),
                u -> u.get("participants").asInt(), u -> u.get("rate").asDouble())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(f.cityA, 3, 3, 1.0),
                        org.assertj.core.groups.Tuple.tuple(f.cityB, 2, 1, 0.5));
        JsonNode lateMarch = f.organizer.get(base(id) + "/participation?from=2027-03-28&to=2027-03-31").json();
        assertThat(lateMarch.get("participants").asInt()).as("甲 and 乙 studied on the 30th and 31st").isEqualTo(2);
        JsonNode city = f.cityOrganizer.get(base(id) + "/participation?from=2027-03-01&to=2027-03-31").json();
        assertThat(city.get("people").asInt()).isEqualTo(3);
        assertThat(city.get("units")).singleElement().satisfies(u -> assertThat(u.get("participants").asInt()).isEqualTo(1));
        assertThat(f.organizer.get(base(id) + "/participation?from=2027-03-31&to=2027-03-01").status()).isEqualTo(422);
        Api.Response xlsx = f.organizer.get(base(id) + "/participation.xlsx?from=2027-03-01&to=2027-03-31");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');

        JsonNode ranking = f.organizer.get(base(id) + "/org-ranking?year=2027").json().get("rows");
        assertThat(ranking).extracting(r -> r.get("rank").asInt(), r -> r.get("orgUnitId").asLong())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, f.cityA), org.assertj.core.groups.Tuple.tuple(2, f.cityB));

        at("2028-01-01T08:00:00+08:00");
        runJobUntil(() -> titles(f.members.get("甲").get(base(id) + "/me").json()).contains("ANNUAL_TOP 2027"));
        assertThat(titles(f.members.get("乙").get(base(id) + "/me").json())).containsExactly("ANNUAL_TOP 2027");
        assertThat(titles(f.members.get("丁").get(base(id) + "/me").json())).isEmpty();
    }

    @Test
    void theRollGivesAccountsOnlyToPeopleWithoutOne() throws IOException {
        Api.Response again = f.organizer.post("/api/v1/people/accounts", obj("orgUnitId", f.province));
        assertThat(again.status()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(again.body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).as("only the header: everyone has an account now").isZero();
        }
        assertThat(f.members.get("甲").get("/api/v1/me").json().get("orgUnitId").asLong()).isEqualTo(f.cityA);
        assertThat(f.cityOrganizer.post("/api/v1/people/accounts", obj("orgUnitId", f.cityB)).status()).isEqualTo(404);
        assertThat(f.members.get("甲").post("/api/v1/people/accounts", obj("orgUnitId", f.cityA)).status()).isEqualTo(403);
    }

    @Test
    void theJobRunsOnOneNodeAtATimeAndCatchesUpAfterDowntime() throws InterruptedException {
        at("2027-03-01T10:00:00+08:00");
        long id = smallProgramme();
        java.time.Instant machineNow = java.time.Instant.now();
        assertThat(store.tryLease(PracticeSchedule.JOB, "other-node", machineNow, machineNow.plusSeconds(60))).isTrue();
        assertThat(schedule.runOnce()).as("another node holds the lease").isFalse();
        // the holder renews its lease during a long run: past the first end it is still not another node's
        assertThat(store.renewLease(PracticeSchedule.JOB, "other-node", machineNow.plusSeconds(59), machineNow.plusSeconds(120))).isTrue();
        assertThat(store.tryLease(PracticeSchedule.JOB, "third-node", machineNow.plusSeconds(90), machineNow.plusSeconds(150))).isFalse();
        assertThat(store.renewLease(PracticeSchedule.JOB, "third-node", machineNow.plusSeconds(90), machineNow.plusSeconds(150)))
                .as("only the holder renews").isFalse();
        assertThat(store.renewLease(PracticeSchedule.JOB, "other-node", machineNow.plusSeconds(121), machineNow.plusSeconds(180)))
                .as("a lease that ran out is not renewed").isFalse();
        store.endLease(PracticeSchedule.JOB, "other-node", machineNow);
        assertThat(schedule.runOnce()).isTrue();

        // The node was down from Monday of W09 to Wednesday of W11: W09 and W10 closed meanwhile, W11 never got made.
        sit(f.members.get("甲"), calendar(id, "2027-03").get("weeks").get(0).get("examId").asLong(), 3);
        at("2027-03-17T10:00:00+08:00");
        runJobUntil(() -> board(f.organizer, id, "period=WEEK&key=2027-W09").get("total").asInt() == 1);
        JsonNode weeks = calendar(id, "2027-03").get("weeks");
        assertThat(weeks.get(2).get("week").asText()).isEqualTo("2027-W11");
        assertThat(weeks.get(2).get("examId").isNull()).as("the open week is made on catching up").isFalse();
        assertThat(weeks.get(3).get("examId").isNull()).as("and the next, a week ahead").isFalse();
        assertThat(titles(f.members.get("甲").get(base(id) + "/me").json())).containsExactly("WEEKLY_ACE 2027-W09");
    }

    @Test
    void aDisabledMemberOrAnErasedPersonDropsFromRostersWhileReleasedRankingsStay() throws InterruptedException {
        at("2027-03-01T10:00:00+08:00");
        long id = smallProgramme();
        long w09 = calendar(id, "2027-03").get("weeks").get(0).get("examId").asLong();
        sit(f.members.get("甲"), w09, 4);
        sit(f.members.get("戊"), w09, 3);
        sit(f.members.get("丁"), w09, 2);
        at("2027-03-08T00:01:00+08:00");
        runJobUntil(() -> board(f.organizer, id, "period=WEEK&key=2027-W09").get("total").asInt() == 3);
        JsonNode published = board(f.organizer, id, "period=WEEK&key=2027-W09").get("rows");

        long ding = f.members.get("丁").get("/api/v1/me").json().get("id").asLong();
        long wuUser = f.members.get("戊").get("/api/v1/me").json().get("id").asLong();
        assertThat(admin().put("/api/v1/users/" + ding + "/enabled", obj("enabled", false)).status()).isEqualTo(204);
        long wu = f.organizer.post("/api/v1/people/search", obj("name", f.names.get("戊"))).json().get("items").get(0).get("id").asLong();
        assertThat(f.organizer.delete("/api/v1/people/" + wu).status()).isBetween(200, 204);
        assertThat(f.members.get("戊").get("/api/v1/me").status()).as("an erased person's login is closed").isEqualTo(401);

        JsonNode after = board(f.organizer, id, "period=WEEK&key=2027-W09").get("rows");
        assertThat(after).extracting(r -> r.get("rank").asInt(), r -> r.get("userId").asLong())
                .as("the published ranking keeps its rows and ranks")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, published.get(0).get("userId").asLong()),
                        org.assertj.core.groups.Tuple.tuple(2, wuUser), org.assertj.core.groups.Tuple.tuple(3, ding));
        assertThat(after.get(1).get("displayName").asText()).as("but no longer the erased person's name")
                .doesNotContain(f.names.get("戊")).isEqualTo(cn.arena.account.AccountService.ERASED_NAME);

        at("2027-03-15T00:01:00+08:00");
        runJobUntil(() -> calendar(id, "2027-03").get("weeks").get(3).get("examId").isNumber());
        long w12 = calendar(id, "2027-03").get("weeks").get(3).get("examId").asLong();
        JsonNode enrolled = f.organizer.get("/api/v1/exams/" + w12 + "/candidates").json();
        List<Long> enrolledIds = new java.util.ArrayList<>();
        (enrolled.has("items") ? enrolled.get("items") : enrolled).forEach(c -> enrolledIds.add(c.get("userId").asLong()));
        assertThat(enrolledIds).as("a sitting made after drops both").hasSize(4).doesNotContain(ding, wuUser);
        assertThat(f.organizer.get(base(id) + "/participation?from=2027-03-01&to=2027-03-31").json().get("people").asInt())
                .as("an erased person is on no roll").isEqualTo(5);
    }

    @Test
    void aMemberWhoMovesKeepsTheirHistoryAndCountsWhereTheyAreOnTheRoll() throws InterruptedException {
        at("2027-03-01T10:00:00+08:00");
        long id = smallProgramme();
        study(f.members.get("甲"), id);
        sit(f.members.get("甲"), calendar(id, "2027-03").get("weeks").get(0).get("examId").asLong(), 4);
        at("2027-03-08T00:01:00+08:00");
        runJobUntil(() -> board(f.organizer, id, "period=WEEK&key=2027-W09").get("total").asInt() == 1);
        long jia = f.members.get("甲").get("/api/v1/me").json().get("id").asLong();

        f.move("甲", f.cityB);
        Api jiaNow = f.members.get("甲");
        assertThat(jiaNow.get("/api/v1/me").json().get("orgUnitId").asLong()).as("the login moved with the person").isEqualTo(f.cityB);
        JsonNode me = jiaNow.get(base(id) + "/me").json();
        assertThat(me.get("studiedDays").asInt()).as("the history stays theirs").isEqualTo(1);
        assertThat(titles(me)).containsExactly("WEEKLY_ACE 2027-W09");
        assertThat(board(f.organizer, id, "period=WEEK&key=2027-W09&orgUnitId=" + f.cityA).get("rows"))
                .as("the published ranking of their old city keeps them").extracting(r -> r.get("userId").asLong()).containsExactly(jia);
        assertThat(board(f.organizer, id, "period=WEEK&key=2027-W09&orgUnitId=" + f.cityB).get("total").asInt()).isZero();

        // The roll now: 乙 (A), 丙 (A1, in A), 甲 丁 戊 (B), 己; 甲 took part in March, in B where they are now.
        JsonNode march = f.organizer.get(base(id) + "/participation?from=2027-03-01&to=2027-03-31").json();
        assertThat(march.get("units")).extracting(u -> u.get("orgUnitId").asLong(), u -> u.get("people").asInt(),
                u -> u.get("participants").asInt())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(f.cityA, 2, 0), org.assertj.core.groups.Tuple.tuple(f.cityB, 3, 1));

        sit(jiaNow, calendar(id, "2027-03").get("weeks").get(1).get("examId").asLong(), 3);
        at("2027-03-15T00:01:00+08:00");
        runJobUntil(() -> board(f.organizer, id, "period=WEEK&key=2027-W10").get("total").asInt() == 1);
        assertThat(board(f.organizer, id, "period=WEEK&key=2027-W10&orgUnitId=" + f.cityB).get("rows"))
                .as("what they earn after the move counts in the new city").extracting(r -> r.get("userId").asLong()).containsExactly(jia);
        assertThat(board(jiaNow, id, "period=WEEK&key=2027-W10&orgUnitId=" + f.cityB).get("me").get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void whoNeverPractisedIsListedPerUnitAndExported() throws IOException {
        at("2027-03-02T10:00:00+08:00");
        long id = smallProgramme();
        study(f.members.get("甲"), id);
        study(f.members.get("丁"), id);
        Api.Response all = f.organizer.get(base(id) + "/never-practised.xlsx?from=2027-03-01&to=2027-03-31");
        assertThat(all.status()).isEqualTo(200);
        assertThat(neverRows(all)).containsExactlyInAnyOrder(List.of(f.names.get("乙"), unitName(f.cityA)),
                List.of(f.names.get("丙"), unitName(f.countyA1)), List.of(f.names.get("戊"), unitName(f.cityB)),
                List.of(f.names.get("己"), unitName(f.province)));
        Api.Response cityB = f.organizer.get(base(id) + "/never-practised.xlsx?orgUnitId=" + f.cityB);
        assertThat(neverRows(cityB)).containsExactly(List.of(f.names.get("戊"), unitName(f.cityB)));
        assertThat(f.cityOrganizer.get(base(id) + "/never-practised.xlsx?orgUnitId=" + f.cityB).status())
                .as("another city's list is out of scope").isEqualTo(404);
        assertThat(neverRows(f.cityOrganizer.get(base(id) + "/never-practised.xlsx"))).as("a city organizer's own subtree")
                .containsExactlyInAnyOrder(List.of(f.names.get("乙"), unitName(f.cityA)), List.of(f.names.get("丙"), unitName(f.countyA1)));
    }

    private String unitName(long unitId) {
        return admin().get("/api/v1/org-units/" + unitId).json().get("name").asText();
    }

    private static List<List<String>> neverRows(Api.Response xlsx) throws IOException {
        assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    rows.add(List.of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue()));
                }
            }
        }
        return rows;
    }
}
