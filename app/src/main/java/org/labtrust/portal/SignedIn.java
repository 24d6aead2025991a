package org.labtrust.portal;

import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.springframework.stereotype.Component;

/**
 * Who the layout greets: the signed-in person, for the header's "name · 工作台 · 退出", or nobody
 * (the public, and API keys, which never see pages). Templates call it as {@code @signedIn}; a bean
 * rather than a model attribute so that error pages, which no controller prepares, have it too.
 */
@Component("signedIn")
class SignedIn {

	/** The signed-in person's login name, or null. */
	public String name() {
		Actor actor = Actors.current();
		return actor.kind() == Actor.Kind.PERSON ? actor.name() : null;
	}

	static boolean anyone() {
		return Actors.current().kind() == Actor.Kind.PERSON;
	}
}
