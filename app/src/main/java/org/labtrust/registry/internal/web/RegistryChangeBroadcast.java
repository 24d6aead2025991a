package org.labtrust.registry.internal.web;

import org.labtrust.registry.CertificateChanged;
import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.ScopeRowStatusChanged;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.PostgresChannels;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every node of a cluster which certificate changed, so that each drops its cached
 * answers at once rather than when they next refresh. The change's own transaction sends the
 * notice, which PostgreSQL delivers only if that transaction commits.
 */
@Component
class RegistryChangeBroadcast {

	static final String CHANNEL = RegistryQueries.CHANGES_CHANNEL;

	private final PostgresChannels channels;

	RegistryChangeBroadcast(PostgresChannels channels, PublicAnswerCache cache) {
		this.channels = channels;
		channels.subscribe(CHANNEL, cache::forget);
	}

	/** Runs inside the transaction that made the change: the notice leaves only if it commits. */
	@EventListener
	void on(CertificateStatusChanged event) {
		channels.announce(CHANNEL, event.number());
	}

	@EventListener
	void on(ScopeRowStatusChanged event) {
		channels.announce(CHANNEL, event.certificateNumber());
	}

	@EventListener
	void on(CertificateChanged event) {
		channels.announce(CHANNEL, event.number());
	}
}
