package org.labtrust.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.labtrust.reports.internal.log.LogItem;
import org.labtrust.reports.internal.log.LogWriter;
import org.labtrust.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request that waited too long is withdrawn only if the writer has not begun it, so that the
 * answer "nothing was recorded" is true: here the writer is held on the log head lock (as another
 * node or a bulk load would hold it) while a second request queues behind the first.
 */
class LogWriterQueueTest extends FilingClient {

	@Autowired
	LogWriter writer;

	@Autowired
	DataSource dataSource;

	LogItem.File filing(String number) {
		return new LogItem.File(body.bodyId(), number, scope.certificate(), LocalDate.now(ChinaTime.ZONE).minusDays(1),
				HexFormat.of().parseHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
				new int[] { scope.line() }, null);
	}

	@Test
	void onlyARequestTheWriterHasNotBegunIsWithdrawn() throws Exception {
		String begun = number();
		String queued = number();
		CompletableFuture<List<LogItem.Outcome>> first;
		CompletableFuture<List<LogItem.Outcome>> second;
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("select size from log_head where id = 1 for update")) {
				lock.executeQuery().close();
			}
			first = writer.submit(List.of(filing(begun)));
			Thread.sleep(1_000); // the writer takes it and waits for the lock
			second = writer.submit(List.of(filing(queued)));

			assertThat(writer.withdraw(second)).isTrue();
			assertThat(writer.withdraw(first)).isFalse();
			other.rollback();
		}
		assertThat(first.get(30, TimeUnit.SECONDS).get(0).status()).isEqualTo(LogItem.Outcome.Status.ACCEPTED);
		assertThat(second).isCompletedExceptionally();
		assertThat(jdbc.sql("select report_number from report_filing where report_number in (?, ?)")
			.params(begun, queued)
			.query(String.class)
			.list()).containsExactly(begun);
	}
}
