package org.labtrust.notifications;

import java.util.List;

/**
 * What a body is told: a stable {@code kind} for machines, a message key and its arguments for
 * people (rendered in each reader's language: {@code <messageKey>.title} is the heading,
 * {@code <messageKey>} the text; arguments that are ISO dates are written as dates of that
 * language), a link to the page the notice is about, and a key that makes a repeated notice to the
 * same body a no-op.
 *
 * @param kind stable machine name, e.g. {@code certificate.renewal.6m}
 * @param messageKey key in the message bundles
 * @param args the message's arguments, as text
 * @param link a path on the platform (e.g. {@code /certificates/<number>}), or null
 * @param dedupKey unique per body: the same key twice is one notice
 */
public record Notice(String kind, String messageKey, List<String> args, String link, String dedupKey) {

	public Notice {
		if (kind == null || kind.isBlank() || messageKey == null || messageKey.isBlank() || dedupKey == null
				|| dedupKey.isBlank()) {
			throw new IllegalArgumentException("A notice needs a kind, a message key and a dedup key");
		}
		args = args == null ? List.of() : List.copyOf(args);
		if (link != null && !link.startsWith("/")) {
			throw new IllegalArgumentException("A notice links to a path on the platform: " + link);
		}
	}
}
