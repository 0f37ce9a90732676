package cn.arena.org;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PeopleApiIT extends ApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh valid ID number (Jiangyin's area code, a birth date in 1960-1999, a random sequence). */
    static String idNumber() {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(14_600));
        String first17 = "320281" + born.toString().replace("-", "") + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    static String masked(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    private static Map<String, Object> person(String name, String idNumber, Object staffCategory, long unit) {
        return obj("name", name, "idNumber", idNumber, "mobile", "13912345678", "landline", "0510-86801234",
                "staffCategory", staffCategory, "orgUnitId", unit);
    }

    private long register(Api api, String idNumber, long unit) {
        var response = api.post("/api/v1/people", person("王芳", idNumber, "FRONT_DESK", unit));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    @Test
    void createsAPersonAndFindsThemByExactIdNumberShowingItMasked() {
        long unit = orgUnit(unique("江阴市政务服务中心"), "SUB_CENTRE", null);
        String id = idNumber();
        var created = admin().post("/api/v1/people", person("李强", id, "窗口前台工作人员", unit));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("idNumber").asText()).isEqualTo(masked(id)).matches("\\d{6}\\*{8}[0-9X]{4}");

        var found = admin().post("/api/v1/people/search", obj("idNumber", id.toLowerCase()));
        assertThat(found.status()).isEqualTo(200);
        JsonNode item = found.json().get("items").get(0);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(item.get("id").asLong()).isEqualTo(created.id());
        assertThat(item.get("name").asText()).isEqualTo("李强");
        assertThat(item.get("idNumber").asText()).isEqualTo(masked(id));
        assertThat(item.get("staffCategory").asText()).as("the code, though the name was written").isEqualTo("FRONT_DESK");
        assertThat(item.get("mobile").asText()).isEqualTo("13912345678");
        assertThat(item.get("orgUnitId").asLong()).isEqualTo(unit);
        assertThat(found.text()).doesNotContain(id);

        var byName = admin().post("/api/v1/people/search", obj("name", "李", "orgUnitId", unit));
        assertThat(byName.json().get("items")).hasSize(1);

        var shown = admin().get("/api/v1/people/" + created.id());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("idNumber").asText()).isEqualTo(masked(id));
        assertThat(shown.json().get("landline").asText()).isEqualTo("0510-86801234");
        assertThat(shown.text()).doesNotContain(id);
        assertThat(admin().get("/api/v1/audit?action=PERSON_CREATED").text()).contains("person:" + created.id()).doesNotContain(id);
    }

    @Test
    void anUnknownNumberFindsNobody() {
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", idNumber())).json().get("items")).isEmpty();
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", "123")).json().get("items")).isEmpty();
    }

    @Test
    void refusesABadCheckDigitAndABadMobileNamingTheFields() {
        long unit = orgUnit(unique("澄江街道为民服务中心"), "TOWN", null);
        String good = idNumber();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        var response = admin().post("/api/v1/people", obj("name", "张三", "idNumber", badCheck, "mobile", "12345678901",
                "staffCategory", "COMMUNITY_STAFF", "orgUnitId", unit));
        assertThat(response.status()).isEqualTo(422);
        String errors = response.json().get("errors").toString();
        assertThat(errors).contains("\"field\":\"idNumber\"").contains("校验位").contains("\"field\":\"mobile\"");
        assertThat(response.text()).doesNotContain(badCheck);

        var english = admin().english().post("/api/v1/people", obj("name", "张三", "idNumber", good.substring(0, 17),
                "mobile", "13812345678", "staffCategory", "厨师", "orgUnitId", unit));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.json().get("errors").toString()).contains("\"field\":\"idNumber\"").contains("18 characters")
                .contains("\"field\":\"staffCategory\"");
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", good)).json().get("items")).as("nothing saved").isEmpty();

        var noCategory = admin().post("/api/v1/people", obj("name", "张三", "idNumber", good, "mobile", "13812345678",
                "staffCategory", "", "orgUnitId", unit));
        assertThat(noCategory.json().get("errors").toString()).as("a missing category is asked for, not called unknown")
                .contains("请选择人员性质").doesNotContain("不存在");
    }

    @Test
    void registeringAKnownIdNumberUpdatesThatPersonInsteadOfMakingASecond() {
        long first = orgUnit(unique("周庄镇为民服务中心"), "TOWN", null);
        long second = orgUnit(unique("华士镇为民服务中心"), "TOWN", null);
        String id = idNumber();
        long personId = register(admin(), id, first);
        var again = admin().post("/api/v1/people", obj("name", "王芳芳", "idNumber", id, "mobile", "13800000000",
                "staffCategory", "COMMUNITY_STAFF", "orgUnitId", second));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.id()).isEqualTo(personId);
        var shown = admin().get("/api/v1/people/" + personId).json();
        assertThat(shown.get("name").asText()).isEqualTo("王芳芳");
        assertThat(shown.get("orgUnitId").asLong()).isEqualTo(second);
        assertThat(shown.get("staffCategory").asText()).isEqualTo("COMMUNITY_STAFF");
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", id)).json().get("items")).hasSize(1);
    }

    @Test
    void onlyAnAdminReadsTheFullNumberAndEveryReadIsAudited() {
        long unit = orgUnit(unique("江阴高新区行政审批局"), "DEV_ZONE", null);
        String id = idNumber();
        long personId = register(admin(), id, unit);
        String organizer = user("ORGANIZER", unit);
        String candidate = user("CANDIDATE", unit);

        var denied = as(organizer).get("/api/v1/people/" + personId + "/id-number");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text()).doesNotContain(id);
        assertThat(as(candidate).get("/api/v1/people/" + personId).status()).isEqualTo(403);
        assertThat(as(candidate).post("/api/v1/people/search", obj("idNumber", id)).status()).isEqualTo(403);

        var full = admin().get("/api/v1/people/" + personId + "/id-number");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().get("idNumber").asText()).isEqualTo(id);
        assertThat(full.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(admin().get("/api/v1/people/999999999/id-number").status()).isEqualTo(404);

        var audit = admin().get("/api/v1/audit?action=ID_NUMBER_VIEWED");
        assertThat(audit.text()).contains("\"target\":\"person:" + personId + "\"").contains("\"actor\":\"admin\"").doesNotContain(id);
    }

    @Test
    void anOrganizerSeesAndChangesOnlyTheirOwnDistrict() {
        long city = orgUnit(unique("无锡市"), "CITY", null);
        long districtA = orgUnit(unique("江阴市"), "COUNTY", city);
        long townA = orgUnit(unique("澄江街道"), "TOWN", districtA);
        long districtB = orgUnit(unique("宜兴市"), "COUNTY", city);
        String idA = idNumber();
        String idB = idNumber();
        long personA = register(admin(), idA, townA);
        long personB = register(admin(), idB, districtB);
        Api organizer = as(user("ORGANIZER", districtA));

        assertThat(organizer.get("/api/v1/org-units/" + districtB).status()).isEqualTo(404);
        assertThat(organizer.get("/api/v1/org-units/" + city).status()).isEqualTo(404);
        assertThat(organizer.get("/api/v1/org-units/" + townA).json().get("parentId").asLong()).isEqualTo(districtA);
        assertThat(organizer.get("/api/v1/org-units").json().get("items").valueStream().map(u -> u.get("id").asLong()).toList())
                .contains(districtA, townA).doesNotContain(districtB, city);

        assertThat(organizer.get("/api/v1/people/" + personB).status()).isEqualTo(404);
        assertThat(organizer.delete("/api/v1/people/" + personB).status()).isEqualTo(404);
        assertThat(organizer.post("/api/v1/people/search", obj("idNumber", idB)).json().get("items")).isEmpty();
        assertThat(organizer.post("/api/v1/people/search", obj("orgUnitId", districtB)).json().get("items")).isEmpty();
        var all = organizer.post("/api/v1/people/search", obj());
        assertThat(all.json().get("items").valueStream().map(p -> p.get("id").asLong()).toList()).contains(personA).doesNotContain(personB);

        var intoB = organizer.post("/api/v1/people", person("赵敏", idNumber(), "FRONT_DESK", districtB));
        assertThat(intoB.status()).isEqualTo(422);
        assertThat(intoB.json().get("errors").toString()).contains("\"field\":\"orgUnitId\"");
        assertThat(organizer.post("/api/v1/org-units", obj("name", unique("x"), "kind", "TOWN", "parentId", districtB)).status()).isEqualTo(422);

        var own = organizer.post("/api/v1/people", obj("name", "钱进", "idNumber", idNumber(), "mobile", "13700000000",
                "staffCategory", "MANAGEMENT"));
        assertThat(own.status()).as("defaults to the organizer's unit").isEqualTo(201);
        assertThat(organizer.get("/api/v1/people/" + own.id()).json().get("orgUnitId").asLong()).isEqualTo(districtA);

        var shownA = organizer.get("/api/v1/people/" + personA);
        assertThat(shownA.status()).isEqualTo(200);
        for (Api.Response r : List.of(shownA, all, organizer.post("/api/v1/people/search", obj("idNumber", idA)),
                organizer.get("/api/v1/people/" + personA + "/id-number"))) {
            assertThat(r.text()).doesNotContain(idA).doesNotContain(idB);
        }
    }

    @Test
    void aNonAdminNeverReceivesAFullIdNumberFromAnyEndpoint() throws Exception {
        String unitName = unique("长泾镇为民服务中心");
        long unit = orgUnit(unitName, "TOWN", null);
        Api organizer = as(user("ORGANIZER", unit));
        String created = idNumber();
        String imported = idNumber();
        String badCheck = created.substring(0, 17) + (created.charAt(17) == '1' ? '2' : '1');
        List<Api.Response> responses = new java.util.ArrayList<>();

        var post = organizer.post("/api/v1/people", person("顾明", created, "FRONT_DESK", unit));
        long personId = post.id();
        responses.add(post);
        responses.add(organizer.post("/api/v1/people", person("顾明", badCheck, "FRONT_DESK", unit)));
        responses.add(organizer.post("/api/v1/people", person("顾明", created, "不存在", unit)));
        responses.add(organizer.post("/api/v1/people/search", obj("idNumber", created)));
        responses.add(organizer.post("/api/v1/people/search", obj("idNumber", badCheck)));
        responses.add(organizer.post("/api/v1/people/search", obj("name", "顾")));
        responses.add(organizer.get("/api/v1/people/" + personId));
        responses.add(organizer.get("/api/v1/people/" + personId + "/id-number"));
        responses.add(organizer.upload("/api/v1/people/import", Api.xlsx(List.of(List.of("姓名", "身份证号", "手机", "人员性质", "单位"),
                List.of("沈一", imported, "139", "FRONT_DESK", unitName), List.of("沈二", imported, "13912345678", "FRONT_DESK", unitName)))));
        responses.add(organizer.upload("/api/v1/people/import", Api.xlsx(List.of(List.of("姓名", "身份证号", "手机", "人员性质", "单位"),
                List.of("沈一", imported, "13912345678", "FRONT_DESK", unitName)))));
        responses.add(organizer.get("/api/v1/org-units/" + unit));
        responses.add(organizer.get("/api/v1/org-units"));
        responses.add(organizer.get("/api/v1/staff-categories"));
        responses.add(organizer.delete("/api/v1/people/" + personId));

        assertThat(responses).extracting(Api.Response::status).containsExactly(201, 422, 422, 200, 200, 200, 200, 403, 422, 201, 200, 200, 200, 204);
        assertThat(responses.get(3).json().get("items")).hasSize(1);
        for (Api.Response response : responses) {
            assertThat(response.text()).doesNotContain(created).doesNotContain(imported).doesNotContain(badCheck);
        }
    }

    @Test
    void deletingAPersonErasesTheirData() {
        long unit = orgUnit(unique("璜土镇为民服务中心"), "TOWN", null);
        String id = idNumber();
        long personId = register(admin(), id, unit);
        assertThat(admin().delete("/api/v1/people/" + personId).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/people/" + personId).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/people/" + personId + "/id-number").status()).isEqualTo(404);
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", id)).json().get("items")).isEmpty();
        assertThat(admin().delete("/api/v1/people/" + personId).status()).isEqualTo(404);
        assertThat(register(admin(), id, unit)).as("the number is free again").isNotEqualTo(personId);
        assertThat(admin().get("/api/v1/audit?action=PERSON_ERASED").text()).contains("person:" + personId);
    }

    @Test
    void importsPeopleAllOrNothingWithRowErrors() throws Exception {
        String unitName = unique("青阳镇为民服务中心");
        long unit = orgUnit(unitName, "TOWN", null);
        String good = idNumber();
        String other = idNumber();
        String badCheck = other.substring(0, 17) + (other.charAt(17) == '1' ? '2' : '1');
        byte[] broken = Api.xlsx(List.of(
                List.of("序号", "姓名", "身份证号", "手机", "固定电话", "人员性质", "单位"),
                List.of("1", "王芳", good, "13912345678", "", "村（社区）工作人员", unitName),
                List.of("2", "李强", badCheck, "1391234567", "", "FRONT_DESK", unitName),
                List.of("3", "张三", good, "13912345679", "", "厨师", "不存在的单位")));
        var refused = admin().upload("/api/v1/people/import", broken);
        assertThat(refused.status()).isEqualTo(422);
        String errors = refused.json().get("errors").toString();
        assertThat(errors).contains("{\"row\":3,\"column\":\"身份证号\"").contains("{\"row\":3,\"column\":\"手机\"")
                .contains("{\"row\":4,\"column\":\"人员性质\"").contains("{\"row\":4,\"column\":\"单位\"")
                .contains("{\"row\":4,\"column\":\"身份证号\"");
        assertThat(refused.text()).doesNotContain(good).doesNotContain(badCheck);
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", good)).json().get("items")).as("nothing saved").isEmpty();

        byte[] fine = Api.xlsx(List.of(
                List.of("姓名", "身份证号", "手机", "固定电话", "人员性质", "单位", "编制"),
                List.of("王芳", good, "13912345678", "0510-86801234", "村（社区）工作人员", unitName, "编制内"),
                List.of("李强", other.toLowerCase(), "139 1234 5670", "", "后台审批人员", unitName, "")));
        var imported = admin().upload("/api/v1/people/import", fine);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);
        var found = admin().post("/api/v1/people/search", obj("orgUnitId", unit)).json().get("items");
        assertThat(found).hasSize(2);
        long wang = found.valueStream().filter(p -> p.get("name").asText().equals("王芳")).findFirst().orElseThrow().get("id").asLong();
        assertThat(admin().get("/api/v1/people/" + wang).json().get("employment").asText()).isEqualTo("IN_ESTABLISHMENT");
        assertThat(found.toString()).contains("\"BACK_OFFICE\"").contains("\"13912345670\"");
    }

    @Test
    void staffCategoriesAreAListAdminsExtend() {
        var list = admin().get("/api/v1/staff-categories");
        assertThat(list.json().get("items").toString()).contains("{\"code\":\"COMMUNITY_STAFF\",\"name\":\"村（社区）工作人员\"}")
                .contains("FRONT_DESK").contains("BACK_OFFICE").contains("MANAGEMENT");
        String code = "CAT_" + System.nanoTime() % 1_000_000;
        String name = "网格员" + code;
        assertThat(as(user("ORGANIZER")).post("/api/v1/staff-categories", obj("code", code, "name", name)).status()).isEqualTo(403);
        assertThat(admin().post("/api/v1/staff-categories", obj("code", code, "name", name)).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/staff-categories", obj("code", code, "name", "x")).status()).isEqualTo(422);

        long unit = orgUnit(unique("月城镇为民服务中心"), "TOWN", null);
        var created = admin().post("/api/v1/people", person("孙丽", idNumber(), name, unit));
        assertThat(created.status()).isEqualTo(201);
        assertThat(admin().get("/api/v1/people/" + created.id()).json().get("staffCategory").asText()).isEqualTo(code);
    }

}
