package io.tidecrm;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of ARCHITECTURE.md keep their boundaries: each declares the modules it may use
 * ({@code allowedDependencies} in its package-info), there are no cycles, and no module uses
 * another's internals. Also writes the module documentation (component diagrams and module
 * canvases) to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CrmApplication.class);

    @Test
    void modulesUseOnlyTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        Documenter documenter = new Documenter(modules);
        documenter.writeDocumentation();
        Path folder = Path.of("target", "spring-modulith-docs");
        org.assertj.core.api.Assertions.assertThat(folder.resolve("components.puml")).isNotEmptyFile();
        modules.forEach(module -> org.assertj.core.api.Assertions
                .assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile());
    }
}
