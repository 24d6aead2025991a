package org.labtrust;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** labtrust: the national platform for regulating inspection and testing bodies. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class LabtrustApplication {

	public static void main(String[] args) {
		SpringApplication.run(LabtrustApplication.class, args);
	}
}
