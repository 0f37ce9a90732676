package cn.arena.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bank's categories as a tree, built from the category paths of its questions ("政务服务/一网通办"). Each node
 * counts the questions filed at it or anywhere below it, so a node's count is what filtering by it shows.
 */
final class CategoryTree {

    /** One level: its own name, its full path (the filter value) and the questions in its subtree. */
    record Node(String name, String path, int count, List<Node> children) {}

    private CategoryTree() {}

    /** The top-level nodes, by name; questions without a category are counted at no node. */
    static List<Node> of(Map<String, Integer> countsByPath) {
        Builder root = new Builder("", "");
        countsByPath.forEach((path, count) -> {
            if (path.isEmpty()) {
                return;
            }
            Builder at = root;
            for (String level : path.split("/")) {
                at = at.child(level);
                at.count += count;
            }
        });
        return root.build().children();
    }

    private static final class Builder {

        private final String name;
        private final String path;
        private final Map<String, Builder> children = new java.util.TreeMap<>();
        private int count;

        Builder(String name, String path) {
            this.name = name;
            this.path = path;
        }

        Builder child(String level) {
            return children.computeIfAbsent(level, l -> new Builder(l, path.isEmpty() ? l : path + "/" + l));
        }

        Node build() {
            List<Node> nodes = new ArrayList<>();
            children.values().forEach(c -> nodes.add(c.build()));
            return new Node(name, path, count, nodes);
        }
    }
}
