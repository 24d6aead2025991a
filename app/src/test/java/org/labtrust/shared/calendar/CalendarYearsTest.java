package org.labtrust.shared.calendar;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.TestClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A national administrator enters the next year's notice; deadlines across it then compute. */
class CalendarYearsTest extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void enteringAYearMakesItKnownAndIsAudited() {
		assertThat(get("/api/v1/calendar/2031-01-01").statusCode()).isEqualTo(422);
		HttpResponse<String> entered = TestClients.nationalAdministrator(port, dataDir()).withJson("PUT",
				"/api/v1/calendar/years/2031", """
						{"year": 2031, "papers": ["https://www.gov.cn/zhengce/content/2030-11/notice.htm"],
						 "days": [{"name": "元旦", "date": "2031-01-01", "isOffDay": true},
						          {"name": "春节", "date": "2031-01-25", "isOffDay": false}]}""");
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);
		JsonNode newYear = json.readTree(get("/api/v1/calendar/2031-01-01").body());
		assertThat(newYear.get("workingDay").asBoolean()).isFalse();
		assertThat(newYear.get("name").asString()).isEqualTo("元旦");
		assertThat(json.readTree(get("/api/v1/calendar/2031-01-25").body()).get("kind").asString())
			.isEqualTo("MAKEUP_WORKDAY");
		assertThat(json.readTree(get("/api/v1/calendar/working-days?from=2030-12-31&add=1").body())
			.get("date").asString()).as("only 2031 is needed").isEqualTo("2031-01-02");
		assertThat(get("/api/v1/calendar/working-days?from=2030-12-30&add=1").statusCode())
			.as("2030-12-31 is still unknown").isEqualTo(422);
		assertThat(get("/api/v1/calendar/years").body()).contains("\"year\":2031", "\"source\":\"ENTERED\"");
		await().untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from audit_entry where action = 'calendar.year.enter' and target_id = '2031'")
			.query(Long.class).single()).isEqualTo(1));
	}

	@Test
	void aNoticeWithAWeekdayWorkingDayOrADateOfAnotherYearIsRefused() {
		var admin = TestClients.nationalAdministrator(port, dataDir());
		HttpResponse<String> weekday = admin.withJson("PUT", "/api/v1/calendar/years/2032", """
				{"papers": ["x"], "days": [{"name": "春节", "date": "2032-02-11", "isOffDay": false}]}""");
		assertThat(weekday.statusCode()).isEqualTo(400);
		assertThat(json.readTree(weekday.body()).get("code").asString()).isEqualTo("CALENDAR_NOTICE_INVALID");
		HttpResponse<String> otherYear = admin.withJson("PUT", "/api/v1/calendar/years/2032", """
				{"papers": ["x"], "days": [{"name": "元旦", "date": "2033-01-01", "isOffDay": true}]}""");
		assertThat(otherYear.statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/calendar/2032-01-01").statusCode()).isEqualTo(422);
	}
}
