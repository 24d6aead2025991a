package org.labtrust.registry.internal.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.ScopeRowStatusChanged;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every node of a cluster which certificate changed, so that each drops its cached
 * answers at once rather than when they next refresh. The change's own transaction sends a
 * PostgreSQL {@code NOTIFY}, which the database delivers only if that transaction commits; each
 * node keeps one connection listening and forgets the named certificate when told.
 */
@Component
class RegistryChangeBroadcast implements SmartLifecycle {

	static final String CHANNEL = "labtrust_registry_changed";

	private static final Logger log = LoggerFactory.getLogger(RegistryChangeBroadcast.class);

	private static final Duration POLL = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final PublicAnswerCache cache;

	private volatile boolean running;

	private Thread listener;

	RegistryChangeBroadcast(JdbcClient jdbc, DataSource dataSource, PublicAnswerCache cache) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.cache = cache;
	}

	/** Runs inside the transaction that made the change: the notice leaves only if it commits. */
	@EventListener
	void on(CertificateStatusChanged event) {
		announce(event.number());
	}

	@EventListener
	void on(ScopeRowStatusChanged event) {
		announce(event.certificateNumber());
	}

	private void announce(String certificateNumber) {
		jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, certificateNumber).query(String.class).optional();
	}

	@Override
	public void start() {
		running = true;
		listener = new Thread(this::listen, "registry-change-listener");
		listener.setDaemon(true);
		listener.start();
	}

	@Override
	public void stop() {
		running = false;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notices = postgres.getNotifications((int) POLL.toMillis());
					if (notices != null) {
						for (PGNotification notice : notices) {
							cache.forget(notice.getParameter());
						}
					}
				}
			}
			catch (SQLException e) {
				if (!running) {
					return;
				}
				// Missed notices are covered by the caches' refresh interval; reconnect and go on.
				log.warn("Lost the registry change channel ({}); listening again in {} s", e.getMessage(),
						POLL.toSeconds());
				try {
					Thread.sleep(POLL.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}
}
