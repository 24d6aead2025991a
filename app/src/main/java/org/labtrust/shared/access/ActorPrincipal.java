package org.labtrust.shared.access;

/** A Spring Security principal (a signed-in person, an OIDC user, an API key) that is an actor. */
public interface ActorPrincipal {

	Actor actor();
}
