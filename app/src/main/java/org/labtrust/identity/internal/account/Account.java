package org.labtrust.identity.internal.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;

/** A person's account as stored. */
public record Account(long id, String username, String displayName, String passwordHash, Set<Role> roles,
		Jurisdiction jurisdiction, Long bodyId, boolean enabled, int failedLogins, Instant lockedUntil,
		Instant lastLoginAt, Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** The actor this account acts as: the union of its roles' permissions. */
	public Actor actor() {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		roles.forEach(role -> permissions.addAll(role.permissions()));
		return new Actor(Actor.Kind.PERSON, "account:" + id, username, roles, permissions, jurisdiction, bodyId);
	}
}
