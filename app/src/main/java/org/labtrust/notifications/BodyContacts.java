package org.labtrust.notifications;

import java.util.Optional;

/**
 * Where a body receives notices by e-mail. The module that keeps bodies (the registry) implements
 * it, so that this module reads no other module's tables.
 */
public interface BodyContacts {

	/** The body's contact e-mail address, if it gave one. */
	Optional<String> contactEmail(long bodyId);
}
