package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LruCacheTest {

    private final List<List<Integer>> loads = new ArrayList<>();

    private Map<Integer, String> load(List<Integer> keys) {
        loads.add(keys);
        return keys.stream().collect(Collectors.toMap(Function.identity(), k -> "v" + k));
    }

    @Test
    void getAllLoadsOnlyTheMissingKeysInOneCall() {
        LruCache<Integer, String> cache = new LruCache<>(10);
        cache.get(2, k -> "v2");

        Map<Integer, String> values = cache.getAll(List.of(1, 2, 3, 3), this::load);

        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of(1, "v1", 2, "v2", 3, "v3"));
        assertThat(loads).containsExactly(List.of(1, 3));
    }

    @Test
    void getAllOfCachedKeysLoadsNothing() {
        LruCache<Integer, String> cache = new LruCache<>(10);
        cache.getAll(List.of(1, 2), this::load);

        cache.getAll(List.of(2, 1), this::load);

        assertThat(loads).containsExactly(List.of(1, 2));
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        LruCache<Integer, String> cache = new LruCache<>(2);
        cache.getAll(List.of(1, 2), this::load);
        cache.get(1, k -> "reloaded");
        cache.get(3, k -> "v3");

        cache.getAll(List.of(1, 2), this::load);

        assertThat(loads).containsExactly(List.of(1, 2), List.of(2));
    }
}
