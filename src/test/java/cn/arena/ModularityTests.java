package cn.arena;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules keep to their boundaries: no cycles, only public API types used across, and each module uses only the
 * modules its package-info allows (bank → paper → exam → marking → competition, docs/architecture.md).
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ArenaApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    /** Without a declaration a module may use any other: verify would then enforce only "no cycles" for it. */
    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        assertThat(modules.stream().map(m -> m.getBasePackage().getName())).isNotEmpty().allSatisfy(name ->
                assertThat(Class.forName(name + ".package-info").getAnnotation(ApplicationModule.class))
                        .as(name + "/package-info.java").isNotNull());
    }
}
