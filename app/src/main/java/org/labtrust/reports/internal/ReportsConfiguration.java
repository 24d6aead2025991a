package org.labtrust.reports.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.labtrust.reports.internal.log.Checkpoints;
import org.labtrust.reports.internal.log.LogSigner;
import org.labtrust.shared.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The log's signing key and checkpoint publisher. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

	/** On the embedded database (demo, tests) a missing key is generated; in production it must exist. */
	@Bean
	LogSigner logSigner(ReportsProperties properties, @Value("${labtrust.data-dir}") Path dataDir, DatabaseMode mode) {
		Path file = properties.signingKey() != null && !properties.signingKey().toString().isEmpty()
				? properties.signingKey()
				: dataDir.resolve("log-signing-key.pem");
		return LogSigner.load(properties.origin(), file, mode == DatabaseMode.EMBEDDED);
	}

	@Bean
	Checkpoints checkpoints(JdbcClient jdbc, LogSigner signer, Clock clock, ReportsProperties properties) {
		return new Checkpoints(jdbc, signer, clock, properties.checkpointInterval().toMillis());
	}
}
