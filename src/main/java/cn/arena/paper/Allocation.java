package cn.arena.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Assigns distinct questions to sections as a maximum flow: source → section (its count) → question (1) → bank group →
 * sink. Questions outside the share bank pass through a group capped at {@code items − required}, so any complete
 * assignment meets the bank share. Sections may overlap (one question eligible for two); the flow still finds a
 * complete assignment whenever one exists. Questions are tried in pool order, so a shuffled pool gives a random pick.
 */
final class Allocation {

    private final List<List<Eligible>> chosen;

    private Allocation(List<List<Eligible>> chosen) {
        this.chosen = chosen;
    }

    /** Per section, the questions assigned (at most its count). */
    List<List<Eligible>> chosen() {
        return chosen;
    }

    int assigned(int section) {
        return chosen.get(section).size();
    }

    int total() {
        return chosen.stream().mapToInt(List::size).sum();
    }

    /**
     * @param shareBank the bank whose questions are preferred, or null
     * @param othersCap how many questions may come from other banks (Integer.MAX_VALUE for no limit)
     */
    static Allocation of(List<Integer> counts, List<List<Eligible>> pools, @Nullable Long shareBank, int othersCap) {
        Map<Long, Integer> questionNode = new HashMap<>();
        Map<Long, Eligible> byId = new HashMap<>();
        int sections = counts.size();
        int next = 2 + sections;
        for (List<Eligible> pool : pools) {
            for (Eligible e : pool) {
                if (!questionNode.containsKey(e.questionId())) {
                    questionNode.put(e.questionId(), next++);
                    byId.put(e.questionId(), e);
                }
            }
        }
        int shareGroup = next++;
        int otherGroup = next++;
        Network net = new Network(next);
        int source = 0;
        int sink = 1;
        List<int[]> sectionToQuestion = new ArrayList<>();
        for (int s = 0; s < sections; s++) {
            net.add(source, 2 + s, counts.get(s));
            List<Eligible> pool = pools.get(s);
            int[] edges = new int[pool.size()];
            for (int i = 0; i < pool.size(); i++) {
                edges[i] = net.add(2 + s, questionNode.get(pool.get(i).questionId()), 1);
            }
            sectionToQuestion.add(edges);
        }
        for (var entry : questionNode.entrySet()) {
            boolean inShare = shareBank != null && byId.get(entry.getKey()).bankId() == shareBank;
            net.add(entry.getValue(), inShare ? shareGroup : otherGroup, 1);
        }
        net.add(shareGroup, sink, Integer.MAX_VALUE);
        net.add(otherGroup, sink, othersCap);
        net.maxFlow(source, sink);
        List<List<Eligible>> chosen = new ArrayList<>();
        for (int s = 0; s < sections; s++) {
            List<Eligible> picked = new ArrayList<>();
            List<Eligible> pool = pools.get(s);
            for (int i = 0; i < pool.size(); i++) {
                if (net.flow(sectionToQuestion.get(s)[i]) > 0) {
                    picked.add(pool.get(i));
                }
            }
            chosen.add(List.copyOf(picked));
        }
        return new Allocation(List.copyOf(chosen));
    }

    /**
     * A small residual network with breadth-first augmenting paths (Edmonds–Karp); edges in insertion order. Adjacency
     * and the queue are plain int arrays: every start of a per-candidate paper runs this, and boxing was half its cost.
     */
    private static final class Network {
        private final int[][] adjacent;
        private final int[] degree;
        private int[] to = new int[16];
        private int[] capacity = new int[16];
        private int edges;

        Network(int nodes) {
            adjacent = new int[nodes][];
            degree = new int[nodes];
            Arrays.setAll(adjacent, i -> new int[4]);
        }

        int add(int from, int target, int cap) {
            if (edges + 2 > to.length) {
                to = Arrays.copyOf(to, to.length * 2);
                capacity = Arrays.copyOf(capacity, capacity.length * 2);
            }
            int id = edges;
            to[id] = target;
            capacity[id] = cap;
            to[id + 1] = from;
            capacity[id + 1] = 0;
            link(from, id);
            link(target, id + 1);
            edges += 2;
            return id;
        }

        private void link(int node, int edge) {
            if (degree[node] == adjacent[node].length) {
                adjacent[node] = Arrays.copyOf(adjacent[node], degree[node] * 2);
            }
            adjacent[node][degree[node]++] = edge;
        }

        /** Flow on a forward edge = the residual capacity of its reverse edge. */
        int flow(int edge) {
            return capacity[edge ^ 1];
        }

        void maxFlow(int source, int sink) {
            int[] via = new int[adjacent.length];
            int[] queue = new int[adjacent.length];
            while (true) {
                Arrays.fill(via, -1);
                int head = 0;
                int tail = 0;
                queue[tail++] = source;
                via[source] = -2;
                while (head < tail && via[sink] == -1) {
                    int node = queue[head++];
                    for (int k = 0; k < degree[node]; k++) {
                        int e = adjacent[node][k];
                        if (capacity[e] > 0 && via[to[e]] == -1) {
                            via[to[e]] = e;
                            queue[tail++] = to[e];
                        }
                    }
                }
                if (via[sink] == -1) {
                    return;
                }
                int push = Integer.MAX_VALUE;
                for (int node = sink; node != source; node = to[via[node] ^ 1]) {
                    push = Math.min(push, capacity[via[node]]);
                }
                for (int node = sink; node != source; node = to[via[node] ^ 1]) {
                    capacity[via[node]] -= push;
                    capacity[via[node] ^ 1] += push;
                }
            }
        }
    }
}
