package org.labtrust.registry.internal.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.labtrust.registry.CodeTables;
import org.labtrust.registry.RegistryLoaded;
import org.labtrust.registry.internal.RegistryProperties;
import org.labtrust.registry.internal.search.BodySearch;
import org.labtrust.registry.internal.search.SearchIndexAdmin;
import org.labtrust.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Start-up duties of the registry: the {@code reindex} command, demo data on a fresh embedded
 * database, and a rebuild when the index is missing (e.g. its directory was deleted).
 */
@Component
@Order(0)
class RegistryStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegistryStartup.class);

	private final DemoProperties demo;

	private final RegistryProperties registry;

	private final DatabaseMode mode;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final SearchIndexAdmin indexAdmin;

	private final BodySearch search;

	private final ApplicationEventPublisher events;

	private final ApplicationContext context;

	private final Clock clock;

	RegistryStartup(DemoProperties demo, RegistryProperties registry, DatabaseMode mode, DataSource dataSource,
			JdbcClient jdbc, SearchIndexAdmin indexAdmin, BodySearch search, ApplicationEventPublisher events,
			ApplicationContext context, Clock clock) {
		this.demo = demo;
		this.registry = registry;
		this.mode = mode;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.indexAdmin = indexAdmin;
		this.search = search;
		this.events = events;
		this.context = context;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		if (args.getNonOptionArgs().contains("reindex")) {
			indexAdmin.rebuild();
			log.info("Reindex done; exiting");
			System.exit(SpringApplication.exit(context, () -> 0));
			return;
		}
		long bodies = jdbc.sql("select count(*) from body").query(Long.class).single();
		if (bodies == 0 && mode.demoData(demo.load().name())) {
			loadDemoData();
			indexAdmin.rebuild();
		}
		else if (bodies > 0 && search.indexedBodies() == 0) {
			log.info("The search index is empty but the registry holds {} bodies: rebuilding", bodies);
			indexAdmin.rebuild();
		}
	}

	private void loadDemoData() throws SQLException {
		long start = System.nanoTime();
		DemoRegistryGenerator generator = new DemoRegistryGenerator(demo.seed(), demo.scale(), LocalDate.now(clock),
				registry.validityYears(), CodeTables.load(), StandardsCatalogue.load());
		DemoRegistryGenerator.Counts counts;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				counts = generator.load(connection);
				connection.commit();
			}
			catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
			connection.setAutoCommit(true);
			try (Statement s = connection.createStatement()) {
				s.execute("analyze");
			}
		}
		log.info("Demo registry ({} scale, seed {}) loaded in {} s: {}", demo.scale(), demo.seed(),
				(System.nanoTime() - start) / 1_000_000_000.0, counts);
		events.publishEvent(new RegistryLoaded(counts.bodies(), counts.certificates(), counts.scopeRows()));
	}
}
