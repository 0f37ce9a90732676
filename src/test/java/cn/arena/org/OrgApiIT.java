package cn.arena.org;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrgApiIT extends ApiTest {

    private Map<String, JsonNode> unitsByName(Api api) {
        return api.get("/api/v1/org-units").json().get("items").valueStream()
                .collect(Collectors.toMap(u -> u.get("name").asText(), u -> u, (a, b) -> a));
    }

    @Test
    void showsOneUnitToThoseWhoMaySeeIt() {
        long unit = orgUnit(unique("江阴市"), "COUNTY", null);
        var shown = admin().get("/api/v1/org-units/" + unit);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("kind").asText()).isEqualTo("COUNTY");
        assertThat(admin().get("/api/v1/org-units/999999999").status()).isEqualTo(404);
    }

    @Test
    void refusesASecondUnitOfTheSameNameUnderOneParent() {
        long city = orgUnit(unique("无锡市"), "CITY", null);
        orgUnit("新桥镇", "TOWN", city);
        var twin = admin().post("/api/v1/org-units", obj("name", "新桥镇", "kind", "TOWN", "parentId", city));
        assertThat(twin.status()).isEqualTo(422);
        assertThat(twin.json().get("errors").toString()).contains("\"field\":\"name\"");
    }

    @Test
    void importsUnitsAllOrNothingWithRowErrors() throws Exception {
        String city = unique("无锡市");
        long cityId = orgUnit(city, "CITY", null);
        String county = unique("江阴市");
        String town = unique("澄江街道为民服务中心");
        byte[] broken = PeopleApiIT.xlsx(List.of(
                List.of("单位名称", "类型", "上级单位"),
                List.of(county, "县（市、区）", city),
                List.of(town, "街道", county),
                List.of(unique("窗口"), "DEPARTMENT", "不存在的单位"),
                List.of(county, "COUNTY", city)));
        var refused = admin().upload("/api/v1/org-units/import", broken);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString())
                .contains("{\"row\":3,\"column\":\"类型\"").contains("{\"row\":4,\"column\":\"上级单位\"")
                .contains("{\"row\":5,\"column\":\"单位名称\"");
        assertThat(unitsByName(admin())).as("nothing saved").doesNotContainKey(county);

        String window = unique("市场监管局窗口");
        byte[] fine = PeopleApiIT.xlsx(List.of(
                List.of("单位名称", "类型", "上级单位"),
                List.of(county, "县（市、区）", city),
                List.of(town, "镇(街道)为民服务中心", county),
                List.of(window, "DEPARTMENT", county)));
        var imported = admin().upload("/api/v1/org-units/import", fine);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("created").asInt()).isEqualTo(3);
        Map<String, JsonNode> units = unitsByName(admin());
        long countyId = units.get(county).get("id").asLong();
        assertThat(units.get(county).get("parentId").asLong()).isEqualTo(cityId);
        assertThat(units.get(town).get("parentId").asLong()).isEqualTo(countyId);
        assertThat(units.get(town).get("kind").asText()).isEqualTo("TOWN");
        assertThat(units.get(window).get("kind").asText()).isEqualTo("DEPARTMENT");
    }

    @Test
    void anOrganizersImportLandsUnderTheirUnitAndCannotReachOutsideIt() throws Exception {
        long district = orgUnit(unique("江阴市"), "COUNTY", null);
        String elsewhere = unique("宜兴市");
        orgUnit(elsewhere, "COUNTY", null);
        Api organizer = as(user("ORGANIZER", district));
        String town = unique("徐霞客镇为民服务中心");
        var outside = organizer.upload("/api/v1/org-units/import", PeopleApiIT.xlsx(List.of(
                List.of("单位名称", "类型", "上级单位"), List.of(unique("x"), "TOWN", elsewhere))));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("errors").toString()).contains("\"column\":\"上级单位\"");

        var imported = organizer.upload("/api/v1/org-units/import", PeopleApiIT.xlsx(List.of(
                List.of("单位名称", "类型", "上级单位"), List.of(town, "TOWN", ""))));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(unitsByName(organizer).get(town).get("parentId").asLong()).isEqualTo(district);
    }
}
