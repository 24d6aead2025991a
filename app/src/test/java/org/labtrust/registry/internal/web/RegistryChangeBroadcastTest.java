package org.labtrust.registry.internal.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Cached public answers are dropped when any node announces a change through PostgreSQL. */
class RegistryChangeBroadcastTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private String publicStatus(String number) {
		return JsonMapper.builder().build().readTree(get("/api/v1/certificates/" + number).body()).get("status").asString();
	}

	@Test
	void aChangeAnnouncedByAnotherNodeReachesThisNodesCache() {
		String number = jdbc.sql("select number from certificate where status = 'VALID' order by id desc limit 1")
			.query(String.class)
			.single();
		assertThat(publicStatus(number)).isEqualTo("VALID");

		// another node changes the row; until it announces the change, this node serves its cached answer
		jdbc.sql("update certificate set status = 'SUSPENDED' where number = ?").param(number).update();
		assertThat(publicStatus(number)).isEqualTo("VALID");

		jdbc.sql("select pg_notify(?, ?)").params(RegistryChangeBroadcast.CHANNEL, number).query(String.class).single();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publicStatus(number)).isEqualTo("SUSPENDED"));

		jdbc.sql("update certificate set status = 'VALID' where number = ?").param(number).update();
		jdbc.sql("select pg_notify(?, ?)").params(RegistryChangeBroadcast.CHANNEL, number).query(String.class).single();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publicStatus(number)).isEqualTo("VALID"));
	}
}
