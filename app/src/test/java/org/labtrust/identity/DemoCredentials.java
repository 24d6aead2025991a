package org.labtrust.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo-credentials.json that demo mode writes: passwords by user name, keys by body. */
record DemoCredentials(JsonNode root) {

	static DemoCredentials read(Path dataDir) {
		try {
			return new DemoCredentials(JsonMapper.builder().build().readTree(Files.readString(dataDir.resolve(
					"demo-credentials.json"))));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One demo account as written to the file; jurisdiction and body are null where they do not apply. */
	record Account(String username, String password, String role, String jurisdiction, Long bodyId, String bodyName) {
	}

	Account account(String username) {
		for (JsonNode a : root.get("accounts")) {
			if (a.get("username").asString().equals(username)) {
				return new Account(username, a.get("password").asString(), a.get("role").asString(),
						a.has("jurisdiction") ? a.get("jurisdiction").asString() : null,
						a.has("bodyId") ? a.get("bodyId").asLong() : null,
						a.has("bodyName") ? a.get("bodyName").asString() : null);
			}
		}
		throw new IllegalArgumentException("no demo account " + username);
	}

	String password(String username) {
		return account(username).password();
	}

	long bodyId(String username) {
		return account(username).bodyId();
	}

	String bodyKey(long bodyId) {
		for (JsonNode key : root.get("bodyKeys")) {
			if (key.get("bodyId").asLong() == bodyId) {
				return key.get("key").asString();
			}
		}
		throw new IllegalArgumentException("no demo key for body " + bodyId);
	}

	String partnerKey() {
		return root.get("partnerKeys").get(0).get("key").asString();
	}
}
