package org.labtrust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;


import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.labtrust.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Chooses the database. With a URL configured ({@code LABTRUST_DB_URL} or
 * {@code spring.datasource.url}) the platform uses that server; without one it starts a real
 * PostgreSQL server from bundled binaries on a persistent directory under the data directory,
 * so that the first run needs no installation and data survives a restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DatabaseMode databaseMode(DataSourceProperties properties) {
		return StringUtils.hasText(properties.getUrl()) ? DatabaseMode.EXTERNAL : DatabaseMode.EMBEDDED;
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseServer embeddedDatabaseServer(DatabaseMode mode, LabtrustProperties properties) {
		if (mode != DatabaseMode.EMBEDDED) {
			return EmbeddedDatabaseServer.NONE;
		}
		Path dir = properties.dataDir().resolve("postgres");
		try {
			Files.createDirectories(dir);
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				// Spring stops the server after the beans that use it; a JVM hook of its own could stop
				// it first, while the context is still closing.
				.setRegisterShutdownHook(false)
				.setPort(properties.embeddedDb().port())
				.setPGStartupWait(properties.embeddedDb().startupWait())
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", properties.embeddedDb().sharedBuffers())
				.setServerConfig("fsync", Boolean.toString(properties.embeddedDb().fsync()))
				.setServerConfig("synchronous_commit", properties.embeddedDb().fsync() ? "on" : "off")
				.setServerConfig("full_page_writes", Boolean.toString(properties.embeddedDb().fsync()))
				.start();
			log.info("Embedded PostgreSQL started on port {} with data in {}", server.getPort(), dir.toAbsolutePath());
			return new EmbeddedDatabaseServer(server);
		}
		catch (IOException e) {
			stopLeftOverServer(dir);
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir.toAbsolutePath(), e);
		}
	}

	/**
	 * A server that did not get ready in time may still be running, holding the data directory and
	 * its port while the platform is down: stop it (the first line of postmaster.pid is its pid).
	 */
	private static void stopLeftOverServer(Path dir) {
		try {
			Path pidFile = dir.resolve("postmaster.pid");
			if (Files.exists(pidFile)) {
				long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
				ProcessHandle.of(pid)
					.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
					.ifPresent(p -> {
						log.warn("Stopping the embedded PostgreSQL (pid {}) that did not get ready in time", pid);
						p.destroy(); // SIGTERM: PostgreSQL's smart shutdown
					});
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("Could not stop a left-over embedded PostgreSQL in {}: {}", dir.toAbsolutePath(), e.toString());
		}
	}

	/** The data source is destroyed before the embedded server it depends on. */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DataSourceProperties properties, EmbeddedDatabaseServer server) {
		HikariDataSource dataSource;
		if (server.isRunning()) {
			dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(server.jdbcUrl());
			dataSource.setUsername("postgres");
			dataSource.setPassword("postgres");
		}
		else {
			dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		}
		dataSource.setPoolName("labtrust");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

	/** Holder so that the embedded server can be absent without a null bean. */
	static final class EmbeddedDatabaseServer implements AutoCloseable {

		static final EmbeddedDatabaseServer NONE = new EmbeddedDatabaseServer(null);

		private final EmbeddedPostgres server;

		EmbeddedDatabaseServer(EmbeddedPostgres server) {
			this.server = server;
		}

		boolean isRunning() {
			return server != null;
		}

		String jdbcUrl() {
			return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
		}

		@Override
		public void close() throws IOException {
			if (server != null) {
				server.close();
			}
		}
	}

}
