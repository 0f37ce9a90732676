package cn.arena.org;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import cn.arena.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgPagesIT extends ApiTest {

    private WebSession adminPages() {
        return WebSession.login(port, "admin", ADMIN_PASSWORD);
    }

    private long person(String idNumber, long unit) {
        var response = admin().post("/api/v1/people", obj("name", "周敏", "idNumber", idNumber, "mobile", "13912345678",
                "staffCategory", "FRONT_DESK", "orgUnitId", unit));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    @Test
    void theTreePageShowsUnitsNestedAndCreatesOneFromTheForm() {
        String cityName = unique("无锡市");
        long city = orgUnit(cityName, "CITY", null);
        WebSession web = adminPages();
        String townName = unique("南闸街道");
        var created = web.post("/org/units", Map.of("name", townName, "kind", "TOWN", "parentId", Long.toString(city)));
        assertThat(created.status()).isEqualTo(302);
        var page = web.get("/org");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(cityName).contains(townName).contains("镇（街道）为民服务中心");
        assertThat(page.html()).as("the new unit is announced").contains("已新建单位“" + townName + "”");
        assertThat(page.html()).as("nested under its city").containsPattern("data-unit-id=\"" + city + "\">\\s*<span class=\"fw-semibold\">"
                + cityName + "</span>[\\s\\S]*?<ul class=\"org-tree\">\\s*<li data-unit-id=\"\\d+\">\\s*<span class=\"fw-semibold\">" + townName);

        var refused = web.post("/org/units", Map.of("name", "", "kind", "", "parentId", Long.toString(city)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("is-invalid").contains("单位名称不能为空").contains("请指定单位类型");
    }

    @Test
    void theTreeImportReportsRowErrorsOnThePage() throws Exception {
        WebSession web = adminPages();
        var refused = web.upload("/org/import", PeopleApiIT.xlsx(List.of(List.of("单位名称", "类型", "上级单位"),
                List.of(unique("x"), "不存在的类型", ""))));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("第 2 行“类型”");
        String name = unique("云亭街道");
        var imported = web.upload("/org/import", PeopleApiIT.xlsx(List.of(List.of("单位名称", "类型", "上级单位"), List.of(name, "TOWN", ""))));
        assertThat(imported.status()).isEqualTo(302);
        assertThat(web.get("/org").html()).contains(name);
    }

    @Test
    void aPersonCreatedOnThePageIsShownMaskedAndOnlyAnAdminGetsTheRevealButton() {
        long district = orgUnit(unique("江阴市"), "COUNTY", null);
        WebSession web = adminPages();
        String id = PeopleApiIT.idNumber();
        var created = web.post("/org/people", Map.of("name", "陈晨", "idNumber", id, "mobile", "13812345678", "landline", "",
                "staffCategory", "BACK_OFFICE", "employment", "OUT_OF_ESTABLISHMENT", "orgUnitId", Long.toString(district)));
        assertThat(created.status()).as(created.html()).isEqualTo(302);
        String personPath = created.location().replaceFirst("^https?://[^/]+", "");
        assertThat(personPath).matches("/org/people/\\d+");
        var page = web.get(personPath);
        assertThat(page.html()).contains("陈晨").contains(PeopleApiIT.masked(id)).doesNotContain(id)
                .contains("id=\"reveal-id-number\"").contains("/api/v1/people/").contains("编制外").contains("后台审批人员");

        WebSession organizer = WebSession.login(port, user("ORGANIZER", district), PASSWORD);
        var seen = organizer.get(personPath);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.html()).contains(PeopleApiIT.masked(id)).doesNotContain(id).doesNotContain("reveal-id-number");
    }

    @Test
    void aRefusedPersonFormNamesTheFieldsAndDoesNotEchoTheIdNumber() {
        long unit = orgUnit(unique("周庄镇"), "TOWN", null);
        String good = PeopleApiIT.idNumber();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        var refused = adminPages().post("/org/people", Map.of("name", "陈晨", "idNumber", badCheck, "mobile", "1381234",
                "staffCategory", "FRONT_DESK", "orgUnitId", Long.toString(unit)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("身份证号校验位错误").contains("手机号码应为11位").contains("is-invalid")
                .doesNotContain(badCheck).contains("value=\"陈晨\"");
    }

    @Test
    void searchingByIdNumberIsAPostAndAnOrganizerFindsOnlyTheirOwnPeople() {
        long districtA = orgUnit(unique("江阴市"), "COUNTY", null);
        long districtB = orgUnit(unique("宜兴市"), "COUNTY", null);
        String idA = PeopleApiIT.idNumber();
        String idB = PeopleApiIT.idNumber();
        long personA = person(idA, districtA);
        long personB = person(idB, districtB);
        WebSession organizer = WebSession.login(port, user("ORGANIZER", districtA), PASSWORD);

        var foundA = organizer.post("/org/people/search", Map.of("idNumber", idA));
        assertThat(foundA.status()).isEqualTo(200);
        assertThat(foundA.html()).contains("/org/people/" + personA).contains(PeopleApiIT.masked(idA)).doesNotContain(idA);
        var foundB = organizer.post("/org/people/search", Map.of("idNumber", idB));
        assertThat(foundB.html()).doesNotContain("/org/people/" + personB).doesNotContain(PeopleApiIT.masked(idB)).contains("没有符合条件的人员");
        assertThat(organizer.get("/org/people").html()).contains("/org/people/" + personA).doesNotContain("/org/people/" + personB + "\"");
        assertThat(organizer.get("/org/people/" + personB).status()).isEqualTo(404);
        assertThat(organizer.post("/org/people/" + personB + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/people/" + personB).status()).as("still there").isEqualTo(200);
    }

    @Test
    void peopleAreImportedAndDeletedFromThePages() throws Exception {
        String unitName = unique("青阳镇");
        long unit = orgUnit(unitName, "TOWN", null);
        String id = PeopleApiIT.idNumber();
        WebSession web = adminPages();
        var refused = web.upload("/org/people/import", PeopleApiIT.xlsx(List.of(List.of("姓名", "身份证号", "手机", "人员性质", "单位"),
                List.of("吴昊", id, "123", "FRONT_DESK", unitName))));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("第 2 行“手机”").doesNotContain(id);
        var imported = web.upload("/org/people/import", PeopleApiIT.xlsx(List.of(List.of("姓名", "身份证号", "手机", "人员性质", "单位"),
                List.of("吴昊", id, "13912345678", "FRONT_DESK", unitName))));
        assertThat(imported.status()).isEqualTo(302);
        long personId = admin().post("/api/v1/people/search", obj("idNumber", id)).json().get("items").get(0).get("id").asLong();

        assertThat(web.post("/org/people/" + personId + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(web.get("/org/people/" + personId).status()).isEqualTo(404);
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", id)).json().get("items")).isEmpty();
    }

    @Test
    void candidatesHaveNoOrgPages() {
        WebSession candidate = WebSession.login(port, user("CANDIDATE"), PASSWORD);
        assertThat(candidate.get("/org").status()).isEqualTo(403);
        assertThat(candidate.get("/org/people").status()).isEqualTo(403);
    }
}
