package org.labtrust.shared.access;

import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request or job. */
public final class Actors {

	private Actors() {
	}

	/** The authenticated actor, or {@link Actor#ANONYMOUS}. */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
			return principal.actor();
		}
		return Actor.ANONYMOUS;
	}

	/** Runs work as the given actor (start-up and scheduled work act as {@link Actor#SYSTEM}). */
	public static <T> T callAs(Actor actor, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ActorAuthentication(actor));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
