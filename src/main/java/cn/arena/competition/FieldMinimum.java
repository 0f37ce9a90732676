package cn.arena.competition;

import java.util.List;
import java.util.Map;

/**
 * Every field must field at least {@code minimum} contestants before entries close (seed 003 五（二）：市本级和各县
 * （市、区）参赛选手均不少于10人). A field nobody entered is short with 0.
 */
record FieldMinimum(int minimum) {

    record Short(Field field, int count) {}

    /** The fields below the minimum, in the order given, each with its count. */
    List<Short> shortFields(List<Field> fields, Map<Long, Integer> countByField) {
        return fields.stream().map(f -> new Short(f, countByField.getOrDefault(f.orgUnitId(), 0)))
                .filter(s -> s.count() < minimum).toList();
    }
}
