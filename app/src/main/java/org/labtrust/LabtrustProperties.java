package org.labtrust;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide settings under {@code labtrust.*}.
 *
 * @param dataDir where the embedded database and the search index live
 * @param embeddedDb settings of the embedded PostgreSQL server
 */
@ConfigurationProperties("labtrust")
public record LabtrustProperties(@DefaultValue("./data") Path dataDir, @DefaultValue EmbeddedDb embeddedDb) {

	/**
	 * @param port 0 picks a free port
	 * @param fsync off only for throw-away test and benchmark servers
	 * @param startupWait how long to wait for the server to accept connections; after a crash it
	 * first syncs and replays its data directory, which can take minutes on a busy machine
	 */
	public record EmbeddedDb(@DefaultValue("0") int port, @DefaultValue("256MB") String sharedBuffers,
			@DefaultValue("true") boolean fsync, @DefaultValue("10m") Duration startupWait) {
	}
}
