package org.labtrust.registry.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.labtrust.LabtrustApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With no database configured the platform keeps its data in the data directory across restarts. */
class EmbeddedDatabaseRestartTest {

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(LabtrustApplication.class).web(WebApplicationType.NONE)
			.run("--labtrust.data-dir=" + dataDir, "--labtrust.demo.scale=SMALL", "--labtrust.embedded-db.fsync=false",
					"--spring.main.banner-mode=off");
	}

	@Test
	void demoDataLoadsOnTheFirstStartOnlyAndSurvivesARestart() throws Exception {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")).toAbsolutePath(),
				"labtrust-restart-");
		String firstCodes;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from body").query(Long.class).single()).isEqualTo(300);
			firstCodes = jdbc.sql("select string_agg(credit_code, ',' order by id) from body").query(String.class).single();
			jdbc.sql("update body set address = '重启前写入的地址' where id = 1").update();
		}
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
		assertThat(dataDir.resolve("index")).isDirectory();
		try (ConfigurableApplicationContext second = start(dataDir)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from body").query(Long.class).single()).isEqualTo(300);
			assertThat(jdbc.sql("select string_agg(credit_code, ',' order by id) from body").query(String.class).single())
				.as("same seed, same registry, loaded once")
				.isEqualTo(firstCodes);
			assertThat(jdbc.sql("select address from body where id = 1").query(String.class).single()).isEqualTo("重启前写入的地址");
		}
	}
}
