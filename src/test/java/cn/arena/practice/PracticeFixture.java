package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.org.IdNumber;
import cn.arena.support.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

/**
 * A small province for practice tests, made through the HTTP API: province 省 with cities A and B, county A1 under A;
 * people 甲 乙 (A), 丙 (A1), 丁 戊 (B) and 己 (the province's own staff), each given a candidate login by the roll
 * endpoint; a bank of single-choice questions (the right option's text starts with {@link #RIGHT}) and true/false
 * questions (all true).
 */
final class PracticeFixture {

    static final String RIGHT = "正确答案";
    /** The password each member chooses at first login in place of the roll's initial one. */
    static final String CHOSEN = "Lianbing-2027!";
    static final String ANALYSIS = "解析：只在作答之后给学员看";
    private static final SecureRandom RANDOM = new SecureRandom();

    final long province;
    final long cityA;
    final long cityB;
    final long countyA1;
    final long bank;
    final String organizerName;
    final Api organizer;
    final Api cityOrganizer;
    /** Members by name: 甲 乙 丙 丁 戊 己. */
    final Map<String, Api> members = new LinkedHashMap<>();
    final Map<String, String> usernames = new LinkedHashMap<>();
    /** Full names as registered (the short name and the test's tag). */
    final Map<String, String> names = new LinkedHashMap<>();
    /** Each member's registration as sent to {@code POST /api/v1/people}: sent again with another unit, it moves them. */
    final Map<String, Map<String, Object>> people = new LinkedHashMap<>();
    /** The passwords members chose at first login ({@link #CHOSEN}), for signing in through the login page. */
    final Map<String, String> passwords = new LinkedHashMap<>();

    private PracticeFixture(long province, long cityA, long cityB, long countyA1, long bank, String organizerName, Api organizer,
            Api cityOrganizer) {
        this.organizerName = organizerName;
        this.province = province;
        this.cityA = cityA;
        this.cityB = cityB;
        this.countyA1 = countyA1;
        this.bank = bank;
        this.organizer = organizer;
        this.cityOrganizer = cityOrganizer;
    }

    interface Maker {
        long unit(String name, String kind, Long parent);

        String user(String role, Long unit);

        Api as(String username);

        Api admin();

        Api basic(String username, String password);
    }

    /** Moves a member to another unit the way a roll is kept up to date: their registration again, with the new unit. */
    void move(String name, long unit) {
        Map<String, Object> moved = new java.util.HashMap<>(people.get(name));
        moved.put("orgUnitId", unit);
        post(organizer, "/api/v1/people", moved);
    }

    static PracticeFixture make(Maker m, String tag) throws IOException {
        long province = m.unit("演练省" + tag, "PROVINCE", null);
        long cityA = m.unit("甲市" + tag, "CITY", province);
        long cityB = m.unit("乙市" + tag, "CITY", province);
        long countyA1 = m.unit("甲县" + tag, "COUNTY", cityA);
        String organizerName = m.user("ORGANIZER", province);
        Api organizer = m.as(organizerName);
        Api cityOrganizer = m.as(m.user("ORGANIZER", cityA));
        long bank = organizer.post("/api/v1/banks", Api.obj("name", "练兵题库" + tag)).id();
        for (int i = 1; i <= 6; i++) {
            post(organizer, "/api/v1/banks/" + bank + "/questions", Api.obj("type", "SINGLE_CHOICE", "stem", "单选题" + i + "：一网通办的目标是？",
                    "options", List.of(Api.obj("key", "A", "text", RIGHT + i), Api.obj("key", "B", "text", "干扰项B"),
                            Api.obj("key", "C", "text", "干扰项C"), Api.obj("key", "D", "text", "干扰项D")),
                    "answer", "A", "analysis", ANALYSIS, "category", "政务服务/一网通办", "difficulty", 2, "points", 1));
            post(organizer, "/api/v1/banks/" + bank + "/questions", Api.obj("type", "TRUE_FALSE", "stem", "判断题" + i + "：企业开办可以全程网办。",
                    "answer", true, "analysis", ANALYSIS, "category", "营商环境", "difficulty", 1, "points", 1));
        }
        PracticeFixture f = new PracticeFixture(province, cityA, cityB, countyA1, bank, organizerName, organizer, cityOrganizer);
        Map<String, Long> unitOf = new LinkedHashMap<>();
        unitOf.put("甲", cityA);
        unitOf.put("乙", cityA);
        unitOf.put("丙", countyA1);
        unitOf.put("丁", cityB);
        unitOf.put("戊", cityB);
        unitOf.put("己", province);
        unitOf.forEach((name, unit) -> {
            Map<String, Object> person = Api.obj("name", name + tag, "idNumber", idNumber(),
                    "mobile", "139" + String.format("%08d", RANDOM.nextInt(100_000_000)), "staffCategory", "FRONT_DESK", "orgUnitId", unit);
            post(organizer, "/api/v1/people", person);
            f.people.put(name, person);
        });
        for (List<String> issued : roll(organizer, province)) {
            String name = issued.get(0).replace(tag, "");
            String username = issued.get(2);
            // Each changes the initial password first: until then the API refuses them everything else.
            Api.Response changed = m.basic(username, issued.get(3)).put("/api/v1/me/password",
                    Api.obj("currentPassword", issued.get(3), "newPassword", CHOSEN));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
            f.usernames.put(name, username);
            f.names.put(name, issued.get(0));
            f.passwords.put(name, CHOSEN);
            f.members.put(name, m.basic(username, CHOSEN));
        }
        assertThat(f.members).containsOnlyKeys("甲", "乙", "丙", "丁", "戊", "己");
        return f;
    }

    /**
     * Accounts for the people of the unit's subtree who have none ({@code POST /api/v1/people/accounts}): the rows of the
     * workbook handed out, each 姓名, 单位, 用户名, 初始密码.
     */
    static List<List<String>> roll(Api organizer, long unit) throws IOException {
        Api.Response roll = organizer.post("/api/v1/people/accounts", Api.obj("orgUnitId", unit));
        assertThat(roll.status()).as(roll.toString()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(roll.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    rows.add(List.of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
                            row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue()));
                }
            }
        }
        return rows;
    }

    /** A new member of the unit, with the account the roll gives them: their name, username and initial password. */
    List<String> newcomer(String name, long unit) throws IOException {
        post(organizer, "/api/v1/people", Api.obj("name", name, "idNumber", idNumber(),
                "mobile", "138" + String.format("%08d", RANDOM.nextInt(100_000_000)), "staffCategory", "FRONT_DESK", "orgUnitId", unit));
        List<List<String>> rows = roll(organizer, unit);
        assertThat(rows).hasSize(1);
        return List.of(name, rows.get(0).get(2), rows.get(0).get(3));
    }

    static Api.Response post(Api api, String path, Object body) {
        Api.Response r = api.post(path, body);
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r;
    }

    static String idNumber() {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(14_600));
        String first17 = "320281" + born.toString().replace("-", "") + String.format("%03d", RANDOM.nextInt(1000));
        // The check character is whichever of the eleven the org module accepts.
        return "0123456789X".chars().mapToObj(c -> first17 + (char) c).filter(n -> IdNumber.problem(n).isEmpty()).findFirst().orElseThrow();
    }

    /** The right answer to an item as shown (options in the keys shown, shuffled or not). */
    static Object right(JsonNode item) {
        if (item.get("type").asText().equals("TRUE_FALSE")) {
            return true;
        }
        for (JsonNode o : item.get("options")) {
            if (o.get("text").asText().startsWith(RIGHT)) {
                return o.get("key").asText();
            }
        }
        throw new AssertionError("no right option in " + item);
    }

    /** A wrong answer of the right shape. */
    static Object wrong(JsonNode item) {
        if (item.get("type").asText().equals("TRUE_FALSE")) {
            return false;
        }
        for (JsonNode o : item.get("options")) {
            if (!o.get("text").asText().startsWith(RIGHT)) {
                return o.get("key").asText();
            }
        }
        throw new AssertionError("no wrong option in " + item);
    }

    static List<String> stems(JsonNode items) {
        List<String> stems = new ArrayList<>();
        items.forEach(i -> stems.add(i.get("stem").asText()));
        return stems;
    }
}
