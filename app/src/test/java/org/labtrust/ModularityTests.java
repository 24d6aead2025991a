package org.labtrust;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold, and the module documentation is generated from the code. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(LabtrustApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicTypes() {
		modules.verify();
	}

	@Test
	void theRegistryPortalAndSharedKernelAreModules() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("registry", "portal", "shared");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
