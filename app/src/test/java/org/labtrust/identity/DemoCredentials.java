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

	JsonNode account(String username) {
		for (JsonNode account : root.get("accounts")) {
			if (account.get("username").asString().equals(username)) {
				return account;
			}
		}
		throw new IllegalArgumentException("no demo account " + username);
	}

	String password(String username) {
		return account(username).get("password").asString();
	}

	long bodyId(String username) {
		return account(username).get("bodyId").asLong();
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
