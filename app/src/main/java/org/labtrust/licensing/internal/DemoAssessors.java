package org.labtrust.licensing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.labtrust.shared.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: an assessor pool of 120, each competent in a few of the 22 professional fields
 * (seeded, so the same on every machine); the demo {@code assessor} account is the first of them.
 */
@Component
class DemoAssessors implements ApplicationRunner {

	static final int POOL = 120;

	private final JdbcClient jdbc;

	private final boolean demo;

	private final long seed;

	DemoAssessors(JdbcClient jdbc, DatabaseMode mode, @Value("${labtrust.demo.load:AUTO}") String load,
			@Value("${labtrust.demo.seed:20261127}") long seed) {
		this.jdbc = jdbc;
		this.demo = mode.demoData(load);
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.sql("select count(*) from assessor").query(Long.class).single() > 0) {
			return;
		}
		Random random = new Random(seed);
		for (int i = 0; i < POOL; i++) {
			TreeSet<String> fields = new TreeSet<>();
			int count = 2 + random.nextInt(4);
			while (fields.size() < count) {
				fields.add(String.format("%02d", random.nextInt(22)));
			}
			fields.add("12"); // environment: every demo assessor can sit on an environmental team
			List<String> list = new ArrayList<>(fields);
			jdbc.sql("insert into assessor (account_username, name, field_codes, organisation) values (?, ?, ?, ?)")
				.params(i == 0 ? "assessor" : null, "评审员 " + (i + 1), String.join(",", list),
						String.format("91%016d", random.nextLong(1_000_000_000_000_000L)))
				.update();
		}
	}
}
