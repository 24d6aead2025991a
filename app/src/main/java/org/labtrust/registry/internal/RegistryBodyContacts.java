package org.labtrust.registry.internal;

import java.util.Optional;

import org.labtrust.notifications.BodyContacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A body's contact e-mail address, as the registry keeps it ({@code body.contact_email}, optional). */
@Component
class RegistryBodyContacts implements BodyContacts {

	private final JdbcClient jdbc;

	RegistryBodyContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> contactEmail(long bodyId) {
		return jdbc.sql("select contact_email from body where id = ?")
			.param(bodyId)
			.query((rs, i) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(address -> address)
			.map(String::strip)
			.filter(address -> !address.isEmpty());
	}
}
