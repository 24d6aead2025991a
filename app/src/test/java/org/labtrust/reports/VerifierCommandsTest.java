package org.labtrust.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.labtrust.verifier.Main;

/**
 * The verifier module's command line, pointed at the running platform: the checkpoint signature,
 * an inclusion proof of a filing just made, and the monitor, which mirrors every tile and entry,
 * recomputes the tree and proves each new checkpoint consistent with the one it saw before.
 */
class VerifierCommandsTest extends FilingClient {

	record Run(int exit, String out) {
	}

	Run verifier(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void checkpointProveAndMonitorVerifyTheLiveLog() throws Exception {
		String key = get("/log/key").body().strip();
		String log = uri("/log").toString();
		String number = number();
		long index = file(goodFiling(number, "cli")).get("results").get(0).get("entryIndex").asLong();
		checkpointCovering(index);

		Run checkpoint = verifier("checkpoint", "--key", key, "--url", log);
		assertThat(checkpoint.exit()).as(checkpoint.out()).isEqualTo(Main.VERIFIED);

		Run prove = verifier("prove", "--url", log, "--key", key, "--index", Long.toString(index));
		assertThat(prove.exit()).as(prove.out()).isEqualTo(Main.VERIFIED);
		assertThat(prove.out()).contains(number, scope.certificate());

		Path state = Files.createTempDirectory("monitor");
		Run first = verifier("monitor", "--url", log, "--key", key, "--state", state.toString());
		assertThat(first.exit()).as(first.out()).isEqualTo(Main.VERIFIED);

		List<String> more = new ArrayList<>();
		for (int i = 0; i < 260; i++) {
			more.add(goodFiling(number(), "cli more " + i));
		}
		var answer = file(more.toArray(String[]::new)).get("results");
		checkpointCovering(answer.get(answer.size() - 1).get("entryIndex").asLong());
		Run second = verifier("monitor", "--url", log, "--key", key, "--state", state.toString());
		assertThat(second.exit()).as(second.out()).isEqualTo(Main.VERIFIED);

		// The state now holds a checkpoint this log never signed: the monitor must call it a rewrite
		// or refuse it, never pass.
		Path saved = state.resolve("checkpoint");
		String note = Files.readString(saved);
		Files.writeString(saved, note.replaceFirst("\n(\\d+)\n", "\n1\n"));
		Run forged = verifier("monitor", "--url", log, "--key", key, "--state", state.toString());
		assertThat(forged.exit()).as(forged.out()).isNotEqualTo(Main.VERIFIED);
	}
}
