package org.labtrust.licensing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises an alert when a statutory step passes its due date: an error log line and the
 * {@code labtrust.licensing.overdue.alerts} counter, once per application, step and due date;
 * the {@code labtrust.licensing.overdue} gauge counts the applications overdue now. Safe with
 * several nodes: rows are claimed with {@code FOR UPDATE SKIP LOCKED} and marked in the same
 * transaction, so each alert is raised by one node only.
 */
@Component
public class OverdueAlerts {

	private static final Logger log = LoggerFactory.getLogger(OverdueAlerts.class);

	/** Alerts raised per run at most; the rest follow in the next run. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Counter alerts;

	OverdueAlerts(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.alerts = Counter.builder("labtrust.licensing.overdue.alerts")
			.description("Overdue statutory steps alerted")
			.register(meters);
		Gauge.builder("labtrust.licensing.overdue", this, OverdueAlerts::overdueNow)
			.description("Applications whose running step is past its due date")
			.register(meters);
	}

	public record Overdue(long id, String authorityCode, String step, LocalDate dueOn) {
	}

	@Scheduled(cron = "${labtrust.licensing.overdue-check:0 */10 * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		raise(LocalDate.now(clock));
	}

	/** Alerts each step overdue on {@code today} not yet alerted for its due date; returns them. */
	@Transactional
	public List<Overdue> raise(LocalDate today) {
		List<Overdue> overdue = jdbc.sql("""
				select id, authority_code, step, due_on from application
				where due_on < ? and overdue_alerted_on is distinct from due_on
				order by due_on, id limit ? for update skip locked""")
			.params(today, BATCH)
			.query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.list();
		for (Overdue o : overdue) {
			log.error("Statutory step overdue: application {} (authority {}) step {} was due on {}", o.id(),
					o.authorityCode(), o.step(), o.dueOn());
			jdbc.sql("update application set overdue_alerted_on = due_on where id = ?").param(o.id()).update();
		}
		alerts.increment(overdue.size());
		return overdue;
	}

	private double overdueNow() {
		return jdbc.sql("select count(*) from application where due_on < ?")
			.param(LocalDate.now(clock))
			.query(Long.class)
			.single();
	}
}
