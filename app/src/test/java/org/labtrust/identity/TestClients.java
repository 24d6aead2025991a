package org.labtrust.identity;

import java.nio.file.Path;

/** Signed-in clients for tests outside this package. */
public final class TestClients {

	private TestClients() {
	}

	/** The demo body of a body account (e.g. {@code gd-body-admin}) and its report-filing key. */
	public record BodyKey(long bodyId, String key) {
	}

	public static BodyKey bodyKey(Path dataDir, String username) {
		DemoCredentials credentials = DemoCredentials.read(dataDir);
		long body = credentials.bodyId(username);
		return new BodyKey(body, credentials.bodyKey(body));
	}

	/** The demo partner system's key. */
	public static String partnerKey(Path dataDir) {
		return DemoCredentials.read(dataDir).partnerKey();
	}

	/** Any account, signed in through the form (fails the test if the sign-in fails). */
	public static Client signedIn(int port, String username, String password) {
		return Client.signedIn(port, username, password);
	}

	/** A demo account, signed in through the form with its password from demo-credentials.json. */
	public static Client demoAccount(int port, Path dataDir, String username) {
		return Client.signedIn(port, username, DemoCredentials.read(dataDir).password(username));
	}

	/** The demo national administrator, signed in through the form. */
	public static Client nationalAdministrator(int port, Path dataDir) {
		return Client.signedIn(port, "national-administrator",
				DemoCredentials.read(dataDir).password("national-administrator"));
	}
}
