package org.labtrust.identity.internal.security;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The request id and client address of the current HTTP request, for the audit trail. */
public final class ClientRequest {

	static final String REQUEST_ID = ClientRequest.class.getName() + ".requestId";

	static final String CLIENT_ADDRESS = ClientRequest.class.getName() + ".clientAddress";

	private ClientRequest() {
	}

	/** The request id, or null outside a request (scheduled jobs, start-up). */
	public static String requestId() {
		return attribute(REQUEST_ID);
	}

	/** The client address, or null outside a request. */
	public static String clientAddress() {
		return attribute(CLIENT_ADDRESS);
	}

	private static String attribute(String name) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes == null ? null
				: (String) attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
	}
}
