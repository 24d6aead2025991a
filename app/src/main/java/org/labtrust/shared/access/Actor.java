package org.labtrust.shared.access;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

import org.labtrust.shared.DomainException;

/**
 * Who is acting: a signed-in person, a system holding an API key, or the anonymous public.
 * Carries what the services need to decide (permissions, jurisdiction, body) and what the audit
 * trail records (id, name, roles).
 *
 * @param kind how the actor authenticated
 * @param id stable id for the audit trail, e.g. {@code account:12} or {@code key:k3x9...}
 * @param name login name or key label, for people reading the trail
 * @param roles the roles held
 * @param permissions what the actor may do: the roles' permissions, narrowed for API keys
 * @param jurisdiction where a regulator may act; null for actors that are not regulators
 * @param bodyId the body a body user or body key belongs to; null otherwise
 */
public record Actor(Kind kind, String id, String name, Set<Role> roles, Set<Permission> permissions,
		Jurisdiction jurisdiction, Long bodyId) implements Serializable {

	public enum Kind {
		ANONYMOUS, PERSON, API_KEY, SYSTEM
	}

	public static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, "anonymous", "anonymous", Set.of(), Set.of(),
			null, null);

	/**
	 * The platform itself, for scheduled jobs and start-up work (never an HTTP caller): every
	 * permission, nationwide, so that its acts pass the same checks and reach the audit trail.
	 */
	public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", "system", Set.of(),
			EnumSet.allOf(Permission.class), Jurisdiction.NATIONAL, null);

	public Actor {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
	}

	public boolean has(Permission permission) {
		return permissions.contains(permission);
	}

	/** Refuses with 403 {@code FORBIDDEN} unless the actor holds the permission. */
	public void require(Permission permission) {
		if (!has(permission)) {
			throw forbidden();
		}
	}

	/**
	 * True when a regulator's jurisdiction covers the given authority. Body users, experts and
	 * partners have no jurisdiction and are covered by nothing.
	 */
	public boolean covers(String authorityCode) {
		return jurisdiction != null && jurisdiction.covers(authorityCode);
	}

	/** True when the actor belongs to the given body. */
	public boolean belongsTo(long body) {
		return bodyId != null && bodyId == body;
	}

	/**
	 * True when the actor may see a body's internal record: its own body, or a body licensed by an
	 * authority within the actor's jurisdiction (a body may hold certificates of several).
	 */
	public boolean mayAccessBody(long body, Set<String> authorityCodes) {
		if (belongsTo(body)) {
			return true;
		}
		return authorityCodes.stream().anyMatch(this::covers);
	}

	public boolean isAnonymous() {
		return kind == Kind.ANONYMOUS;
	}

	public static DomainException forbidden() {
		return new DomainException("FORBIDDEN", 403, "Not allowed for this account");
	}
}
