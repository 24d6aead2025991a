package org.labtrust.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * An independent tlog client reads the log: Go's own golang.org/x/mod/sumdb/note and tlog
 * packages (bench/log/tlog-interop; Debian's golang-go and golang-golang-x-mod-dev, which
 * .ci/run installs) verify the checkpoint signature, prove entries from the served tiles and
 * bundles, and prove that a later tree extends an earlier checkpoint.
 */
class GoTlogInteropTest extends FilingClient {

	private static final Path TOOL = Path.of("..", "bench", "log", "tlog-interop", "run.sh");

	record Run(int exit, String output) {
	}

	Run tlogInterop(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", TOOL.toString(), "-url", uri("/log").toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), output);
	}

	@Test
	void goTlogClientVerifiesCheckpointEntriesAndGrowth() throws Exception {
		String key = get("/log/key").body().strip();
		JsonNodes filed = new JsonNodes(file(goodFiling(number(), "go 1"), goodFiling(number(), "go 2")));
		checkpointCovering(filed.lastIndex());
		Path saved = Files.createTempFile("checkpoint", ".txt");

		Run first = tlogInterop("-key", key, "-origin", "labtrust.example/reports", "-save-checkpoint", saved.toString());
		assertThat(first.exit()).as(first.output()).isZero();
		assertThat(first.output()).contains("OK");

		List<String> more = new ArrayList<>();
		for (int i = 0; i < 300; i++) { // across a tile boundary
			more.add(goodFiling(number(), "go more " + i));
		}
		JsonNodes grown = new JsonNodes(file(more.toArray(String[]::new)));
		checkpointCovering(grown.lastIndex());
		Run second = tlogInterop("-key", key, "-old-checkpoint", saved.toString(), "-index",
				Long.toString(filed.lastIndex()), "-index", Long.toString(grown.lastIndex()));
		assertThat(second.exit()).as(second.output()).isZero();

		// Another key with the same name must not verify: the client really checks the signature.
		String forged = key.substring(0, key.lastIndexOf('+') + 1) + "AQ" + "A".repeat(41) + "=";
		Run wrongKey = tlogInterop("-key", forged);
		assertThat(wrongKey.exit()).as(wrongKey.output()).isNotZero();
	}

	/** Last entry index of a filing answer. */
	record JsonNodes(tools.jackson.databind.JsonNode answer) {

		long lastIndex() {
			var results = answer.get("results");
			return results.get(results.size() - 1).get("entryIndex").asLong();
		}
	}
}
