package org.labtrust;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** labtrust: the national platform for regulating inspection and testing bodies. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "labtrust public API", version = "v1",
		description = "Registry of inspection and testing bodies (检验检测机构), CMA certificates and capability scope"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API key: Authorization: Bearer ltk_...")
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class LabtrustApplication {

	public static void main(String[] args) {
		SpringApplication.run(LabtrustApplication.class, args);
	}
}
