package org.labtrust.identity.internal.security;

import java.util.Collection;
import java.util.List;

import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.ActorPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with a password: the account's actor plus what Spring Security needs. */
final class AccountUser implements UserDetails, CredentialsContainer, ActorPrincipal {

	private final Actor actor;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	AccountUser(Actor actor, String passwordHash, boolean enabled, boolean locked) {
		this.actor = actor;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	@Override
	public Actor actor() {
		return actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(actor);
	}

	static List<GrantedAuthority> authorities(Actor actor) {
		return actor.permissions().stream().map(p -> (GrantedAuthority) new SimpleGrantedAuthority(p.name())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.name();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
