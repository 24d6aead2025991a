package org.labtrust.identity;

import java.nio.file.Path;

/** Signed-in clients for tests outside this package. */
public final class TestClients {

	private TestClients() {
	}

	/** The demo national administrator, signed in through the form. */
	public static Client nationalAdministrator(int port, Path dataDir) {
		return Client.signedIn(port, "national-administrator",
				DemoCredentials.read(dataDir).password("national-administrator"));
	}
}
