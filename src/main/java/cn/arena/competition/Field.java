package cn.arena.competition;

import cn.arena.org.OrgTree.OrgUnit;
import cn.arena.org.OrgUnitKind;
import java.util.List;
import java.util.Optional;

/**
 * The field (参赛范围) a contestant competes for in a province's selection: their county (县/市/区), their city's city
 * level (市本级: the city's people outside every county of it), or the province level (省厅本级: the province's
 * people outside every city). Seed 003 五（二）: 市本级和各县（市、区）参赛选手均不少于10人; 省厅本级同步组织选手参加.
 *
 * @param orgUnitId the county, the city, or the province itself
 */
record Field(long orgUnitId, String name, Level level) {

    enum Level { PROVINCE, CITY, COUNTY }

    /**
     * The field of a person whose unit's chain up the tree is {@code chain} (the unit first, the root last) in the
     * competition owned by {@code provinceId}; empty when the unit is not inside that province.
     */
    static Optional<Field> of(List<OrgUnit> chain, long provinceId) {
        int province = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).id() == provinceId) {
                province = i;
            }
        }
        if (province < 0) {
            return Optional.empty();
        }
        OrgUnit provinceUnit = chain.get(province);
        if (province == 0) {
            return Optional.of(new Field(provinceUnit.id(), provinceUnit.name(), Level.PROVINCE));
        }
        OrgUnit city = chain.get(province - 1);
        if (city.kind() != OrgUnitKind.CITY) {
            return Optional.of(new Field(provinceUnit.id(), provinceUnit.name(), Level.PROVINCE));
        }
        if (province >= 2 && chain.get(province - 2).kind() == OrgUnitKind.COUNTY) {
            OrgUnit county = chain.get(province - 2);
            return Optional.of(new Field(county.id(), county.name(), Level.COUNTY));
        }
        return Optional.of(new Field(city.id(), city.name(), Level.CITY));
    }

    /** The city this field belongs to: the county's parent, the city itself, or none for the province level. */
    static Optional<OrgUnit> cityOf(List<OrgUnit> chain, long provinceId) {
        for (int i = 1; i < chain.size(); i++) {
            if (chain.get(i).id() == provinceId) {
                OrgUnit below = chain.get(i - 1);
                return below.kind() == OrgUnitKind.CITY ? Optional.of(below) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
