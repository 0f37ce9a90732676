package cn.arena.exam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A small bounded cache for values that never change once written (an attempt's paper, a used question version),
 * so the save path need not read and parse them again on every answer. Least recently used entries go first.
 */
final class LruCache<K, V> {

    private final Map<K, V> entries;

    LruCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value, or the loaded one (loaded outside the lock: two threads may load the same immutable value). */
    V get(K key, Function<K, V> loader) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        V loaded = loader.apply(key);
        synchronized (entries) {
            entries.put(key, loaded);
        }
        return loaded;
    }

    /** The values of all the keys: cached ones as they are, the others loaded together by one call of the loader. */
    Map<K, V> getAll(List<K> keys, Function<List<K>, Map<K, V>> loader) {
        Map<K, V> found = new HashMap<>();
        Set<K> missing = new LinkedHashSet<>();
        synchronized (entries) {
            for (K key : keys) {
                V value = entries.get(key);
                if (value != null) {
                    found.put(key, value);
                } else {
                    missing.add(key);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<K, V> loaded = loader.apply(List.copyOf(missing));
            synchronized (entries) {
                entries.putAll(loaded);
            }
            found.putAll(loaded);
        }
        return found;
    }
}
