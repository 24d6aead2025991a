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
 * Demo mode: an assessor pool ({@code labtrust.demo.assessors}, 40), each competent in the
 * environment field and a few of the other 21 (seeded, so the same on every machine). Each has a
 * demo account, {@code assessor} for the first and {@code assessor-02} and on for the others, so
 * that whoever a draw puts on a team can sign in and assess.
 */
@Component
class DemoAssessors implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final boolean demo;

	private final long seed;

	private final int pool;

	DemoAssessors(JdbcClient jdbc, DatabaseMode mode, @Value("${labtrust.demo.load:AUTO}") String load,
			@Value("${labtrust.demo.seed:20261127}") long seed, @Value("${labtrust.demo.assessors:40}") int pool) {
		this.jdbc = jdbc;
		this.demo = mode.demoData(load);
		this.seed = seed;
		this.pool = pool;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.sql("select count(*) from assessor").query(Long.class).single() > 0) {
			return;
		}
		Random random = new Random(seed);
		for (int i = 0; i < pool; i++) {
			TreeSet<String> fields = new TreeSet<>();
			int count = 2 + random.nextInt(4);
			while (fields.size() < count) {
				fields.add(String.format("%02d", random.nextInt(22)));
			}
			fields.add("12"); // environment: every demo assessor can sit on an environmental team
			List<String> list = new ArrayList<>(fields);
			jdbc.sql("insert into assessor (account_username, name, field_codes, organisation) values (?, ?, ?, ?)")
				.params(accountName(i), "评审员 " + (i + 1), String.join(",", list),
						String.format("91%016d", random.nextLong(1_000_000_000_000_000L)))
				.update();
		}
	}

	/** The demo account of the i-th assessor (from 0); the identity module's demo creates the same names. */
	static String accountName(int i) {
		return i == 0 ? "assessor" : String.format("assessor-%02d", i + 1);
	}
}
