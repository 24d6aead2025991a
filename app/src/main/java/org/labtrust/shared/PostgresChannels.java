package org.labtrust.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages between the nodes of a cluster through PostgreSQL {@code NOTIFY}: a module announces
 * inside its transaction (the database delivers the notice only if that transaction commits) and
 * every node, this one included, hears it on one listening connection. Used to drop cached
 * answers everywhere the moment what they depend on changes.
 */
@Component
public class PostgresChannels implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresChannels.class);

	private static final Duration POLL = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread listener;

	PostgresChannels(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Hears every payload sent on the channel (a lower-case identifier); call before the context starts. */
	public void subscribe(String channel, Consumer<String> onPayload) {
		if (!channel.matches("[a-z_]+")) {
			throw new IllegalArgumentException("Channel names are lower-case identifiers: " + channel);
		}
		if (running) {
			throw new IllegalStateException("Subscribe before the application starts: " + channel);
		}
		listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(onPayload);
	}

	/** Sends a payload; inside a transaction it leaves only if the transaction commits. */
	public void announce(String channel, String payload) {
		jdbc.sql("select pg_notify(?, ?)").params(channel, payload).query(String.class).optional();
	}

	@Override
	public void start() {
		running = true;
		if (listeners.isEmpty()) {
			return;
		}
		listener = new Thread(this::listen, "postgres-channel-listener");
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
					for (String channel : listeners.keySet()) {
						statement.execute("LISTEN " + channel);
					}
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notices = postgres.getNotifications((int) POLL.toMillis());
					if (notices != null) {
						for (PGNotification notice : notices) {
							deliver(notice);
						}
					}
				}
			}
			catch (SQLException e) {
				if (!running) {
					return;
				}
				// Missed notices are covered by each cache's own expiry; reconnect and go on.
				log.warn("Lost the notification connection ({}); listening again in {} s", e.getMessage(),
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

	private void deliver(PGNotification notice) {
		for (Consumer<String> onPayload : listeners.getOrDefault(notice.getName(), List.of())) {
			try {
				onPayload.accept(notice.getParameter());
			}
			catch (RuntimeException e) {
				log.warn("A listener of {} failed", notice.getName(), e);
			}
		}
	}
}
