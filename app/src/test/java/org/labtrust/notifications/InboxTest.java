package org.labtrust.notifications;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.Client;
import org.labtrust.identity.TestClients;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.internal.expiry.CertificateExpiry;
import org.labtrust.registry.internal.expiry.ExpiryFixtures;
import org.labtrust.registry.internal.expiry.ExpiryFixtures.Cert;
import org.labtrust.registry.internal.expiry.ExpiryFixtures.Province;
import org.labtrust.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox over HTTP: the expiry job's notices reach the people of that body, in their language,
 * and nobody else; read marks are per person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "inbox test password 2026";

	@Autowired
	CertificateExpiry expiry;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entities;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AccountService accounts;

	private ExpiryFixtures fixtures;

	private Cert guangdongCertificate;

	private Cert jiangsuCertificate;

	private Client guangdong;

	private Client guangdongColleague;

	private Client jiangsu;

	@BeforeAll
	void bodiesPeopleAndNotices() {
		fixtures = new ExpiryFixtures(jdbc, entities, transactions, accounts);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		long gdBody = fixtures.body(Province.GUANGDONG, null);
		long jsBody = fixtures.body(Province.JIANGSU, null);
		guangdongCertificate = fixtures.certificate(gdBody, Province.GUANGDONG, today.plusMonths(1).withDayOfMonth(15),
				CertificateStatus.VALID);
		jiangsuCertificate = fixtures.certificate(jsBody, Province.JIANGSU, today.plusMonths(1).withDayOfMonth(15),
				CertificateStatus.VALID);
		String suffix = Long.toString(gdBody);
		fixtures.account("inbox-gd-" + suffix, gdBody, PASSWORD);
		fixtures.account("inbox-gd2-" + suffix, gdBody, PASSWORD);
		fixtures.account("inbox-js-" + suffix, jsBody, PASSWORD);
		expiry.run(today);
		guangdong = TestClients.signedIn(port, "inbox-gd-" + suffix, PASSWORD);
		guangdongColleague = TestClients.signedIn(port, "inbox-gd2-" + suffix, PASSWORD);
		jiangsu = TestClients.signedIn(port, "inbox-js-" + suffix, PASSWORD);
	}

	@AfterAll
	void removeFixtures() {
		fixtures.removeAll();
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<String> links(JsonNode page) {
		return page.get("items").findValuesAsString("link");
	}

	@Test
	void aBodysPeopleSeeItsNoticesAndNoOtherBodys() {
		JsonNode gd = json(guangdongColleague.get("/api/v1/inbox"));
		assertThat(links(gd)).containsExactly(CertificateExpiry.renewalLink(guangdongCertificate.number()));
		JsonNode notice = gd.get("items").get(0);
		assertThat(notice.get("kind").asString()).isEqualTo("certificate.renewal.last");
		assertThat(notice.get("title").asString()).contains("资质认定证书").contains("3个月");
		assertThat(notice.get("text").asString()).contains(guangdongCertificate.number())
			.contains(guangdongCertificate.validUntil().getYear() + "年");
		assertThat(notice.get("read").asBoolean()).isFalse();

		JsonNode js = json(jiangsu.get("/api/v1/inbox"));
		assertThat(links(js)).containsExactly(CertificateExpiry.renewalLink(jiangsuCertificate.number()));
		assertThat(js.toString()).doesNotContain(guangdongCertificate.number());
	}

	@Test
	void readMarksArePerPersonAndOnlyForTheirOwnBodysNotices() {
		long id = json(guangdong.get("/api/v1/inbox")).get("items").get(0).get("id").asLong();

		HttpResponse<String> foreign = jiangsu.withJson("POST", "/api/v1/inbox/" + id + "/read", "{}");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.body()).contains("NOTICE_NOT_FOUND");

		JsonNode marked = json(guangdong.withJson("POST", "/api/v1/inbox/" + id + "/read", "{}"));
		assertThat(marked.get("read").asBoolean()).isTrue();
		assertThat(marked.get("readAt").isNull()).isFalse();
		JsonNode mine = json(guangdong.get("/api/v1/inbox"));
		assertThat(mine.get("unread").asLong()).isZero();
		assertThat(mine.get("items").get(0).get("read").asBoolean()).isTrue();

		JsonNode colleague = json(guangdongColleague.get("/api/v1/inbox"));
		assertThat(colleague.get("unread").asLong()).as("a colleague keeps their own marks").isEqualTo(1);
		assertThat(colleague.get("items").get(0).get("read").asBoolean()).isFalse();
		assertThat(notifications.unreadCount(org.labtrust.shared.access.Actor.ANONYMOUS)).isZero();
	}

	@Test
	void theStaffHomeLinksTheInboxWithTheUnreadCountAndThePageListsTheNotices() {
		HttpResponse<String> home = guangdongColleague.get("/staff");
		assertThat(home.body()).contains("href=\"/staff/inbox\"").contains("id=\"inbox-unread-count\"")
			.contains("1 条未读");

		HttpResponse<String> page = guangdongColleague.get("/staff/inbox");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(guangdongCertificate.number()).doesNotContain(jiangsuCertificate.number())
			.contains("标为已读");

		HttpResponse<String> english = jiangsu.get("/staff/inbox?lang=en");
		assertThat(english.body()).contains("Inbox").contains("CMA certificate " + jiangsuCertificate.number())
			.contains(jiangsuCertificate.validUntil().toString());
	}

	@Test
	void pagesAreNewestFirstAndBoundedInSize() {
		assertThat(jiangsu.get("/api/v1/inbox?size=0").statusCode()).isEqualTo(400);
		assertThat(jiangsu.get("/api/v1/inbox?size=101").statusCode()).isEqualTo(400);
		JsonNode page = json(jiangsu.get("/api/v1/inbox?size=1"));
		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("nextBefore").isNull()).as("one notice: no further page").isTrue();
		long first = page.get("items").get(0).get("id").asLong();

		// a second, newer notice: it comes first, and the next page holds the older one
		long body = jdbc.sql("select body_id from notification where id = ?").param(first).query(Long.class).single();
		notifications.notifyBody(body, new Notice(page.get("items").get(0).get("kind").asString(),
				"notice." + page.get("items").get(0).get("kind").asString(), List.of(jiangsuCertificate.number(),
						jiangsuCertificate.validUntil().toString(), jiangsuCertificate.validUntil().toString(), "3"),
				"/certificates/" + jiangsuCertificate.number(), "inbox-test-paging"));
		try {
			JsonNode newest = json(jiangsu.get("/api/v1/inbox?size=1"));
			long second = newest.get("items").get(0).get("id").asLong();
			assertThat(second).isGreaterThan(first);
			assertThat(newest.get("nextBefore").asLong()).isEqualTo(second);
			JsonNode older = json(jiangsu.get("/api/v1/inbox?size=1&before=" + second));
			assertThat(older.get("items")).hasSize(1);
			assertThat(older.get("items").get(0).get("id").asLong()).isEqualTo(first);
		}
		finally {
			jdbc.sql("delete from notification where dedup_key = 'inbox-test-paging'").update();
		}
	}
}
