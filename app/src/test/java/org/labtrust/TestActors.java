package org.labtrust;

import java.util.EnumSet;
import java.util.Set;

import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;

/** Actors for tests that call services directly. */
public final class TestActors {

	private TestActors() {
	}

	/** An officer holding one role in the given jurisdiction (00 national, else an authority code). */
	public static Actor officer(Role role, String jurisdiction) {
		Set<Permission> permissions = EnumSet.copyOf(role.permissions());
		return new Actor(Actor.Kind.PERSON, "test:" + role + ":" + jurisdiction, "test-" + role.name().toLowerCase(),
				Set.of(role), permissions, new Jurisdiction(jurisdiction), null);
	}
}
