package org.labtrust.shared.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated actor whose granted authorities are its permissions (API keys, the system). */
public final class ActorAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

	private final Actor actor;

	public ActorAuthentication(Actor actor) {
		super(actor.permissions().stream().map(p -> new SimpleGrantedAuthority(p.name())).toList());
		this.actor = actor;
		setAuthenticated(true);
	}

	@Override
	public Actor actor() {
		return actor;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this;
	}

	@Override
	public String getName() {
		return actor.id();
	}
}
