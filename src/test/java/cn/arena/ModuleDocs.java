package cn.arena;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module diagrams and canvases to {@code docs/modules/} from the code: {@code ./mvnw -q -Pmodule-docs
 * process-test-classes}. A command, not a test, so that a build never rewrites tracked files.
 */
final class ModuleDocs {

    private ModuleDocs() {}

    public static void main(String[] args) {
        String folder = args.length > 0 ? args[0] : "docs/modules";
        new Documenter(ApplicationModules.of(ArenaApplication.class), Documenter.Options.defaults().withOutputFolder(folder))
                .writeModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
