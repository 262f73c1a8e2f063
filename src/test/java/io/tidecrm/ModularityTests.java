package io.tidecrm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules of ARCHITECTURE.md keep their boundaries: no cycles, no use of another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CrmApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
