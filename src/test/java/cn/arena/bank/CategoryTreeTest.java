package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryTreeTest {

    @Test
    void countsEachNodeWithEverythingBelowIt() {
        var tree = CategoryTree.of(Map.of("政务服务", 2, "政务服务/一网通办", 3, "政务服务/一网通办/跨省通办", 1, "人社/社保", 4, "", 5));
        assertThat(tree).extracting(CategoryTree.Node::name).containsExactly("人社", "政务服务");
        var service = tree.get(1);
        assertThat(service.count()).isEqualTo(6);
        assertThat(service.children()).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo("政务服务/一网通办");
            assertThat(n.count()).isEqualTo(4);
            assertThat(n.children().get(0).path()).isEqualTo("政务服务/一网通办/跨省通办");
        });
        assertThat(tree.get(0).count()).isEqualTo(4);
    }
}
