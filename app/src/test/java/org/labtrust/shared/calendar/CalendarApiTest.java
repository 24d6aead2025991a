package org.labtrust.shared.calendar;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The public calendar API, with the field names partner systems rely on. */
class CalendarApiTest extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aDayAnswersWhetherItIsAWorkingDayAndTheHolidaysName() {
		JsonNode holiday = json.readTree(get("/api/v1/calendar/2025-10-01").body());
		assertThat(holiday.get("date").asString()).isEqualTo("2025-10-01");
		assertThat(holiday.get("workingDay").asBoolean()).isFalse();
		assertThat(holiday.get("name").asString()).isEqualTo("国庆节、中秋节");
		JsonNode makeUp = json.readTree(get("/api/v1/calendar/2025-10-11").body());
		assertThat(makeUp.get("workingDay").asBoolean()).isTrue();
		assertThat(makeUp.get("kind").asString()).isEqualTo("MAKEUP_WORKDAY");
	}

	@Test
	void workingDaysAfterADate() {
		HttpResponse<String> answer = get("/api/v1/calendar/working-days?from=2025-09-30&add=5");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(json.readTree(answer.body()).get("date").asString()).isEqualTo("2025-10-14");
	}

	@Test
	void anUnknownYearAndBadInputAnswerProblems() {
		assertThat(problem("/api/v1/calendar/2027-03-01", null)).isEqualTo("422 CALENDAR_YEAR_UNKNOWN");
		assertThat(problem("/api/v1/calendar/working-days?from=2026-12-30&add=10", null))
			.isEqualTo("422 CALENDAR_YEAR_UNKNOWN");
		assertThat(problem("/api/v1/calendar/2025-02-30", null)).isEqualTo("400 DATE_INVALID");
		assertThat(problem("/api/v1/calendar/working-days?from=2025-01-02&add=0", null))
			.isEqualTo("400 WORKING_DAYS_INVALID");
		assertThat(problem("/api/v1/calendar/working-days?from=2025-01-02&add=x", null))
			.isEqualTo("400 WORKING_DAYS_INVALID");
		assertThat(problem("/api/v1/calendar/working-days?from=2025-01-02", null)).isEqualTo("400 PARAMETER_MISSING");
		HttpResponse<String> english = get("/api/v1/calendar/2027-03-01", "en");
		assertThat(json.readTree(english.body()).get("detail").asString()).contains("of 2027 ", "State Council");
		assertThat(json.readTree(get("/api/v1/calendar/2027-03-01").body()).get("detail").asString())
			.startsWith("2027 年");
	}

	private String problem(String path, String language) {
		HttpResponse<String> response = get(path, language);
		return response.statusCode() + " " + json.readTree(response.body()).get("code").asString();
	}
}
