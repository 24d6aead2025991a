package org.labtrust.identity.internal.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells a request for an endpoint that does not exist (404) or a method it does not take (405)
 * from a request that is merely not allowed, so that security refusals do not turn typos into
 * "sign in" and "forbidden". Endpoints are public knowledge (the OpenAPI document lists them), so
 * saying which exist leaks nothing.
 */
@Component
class KnownEndpoints {

	private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

	KnownEndpoints(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/** Empty when some controller or actuator endpoint takes this request. */
	Optional<HttpStatus> unknown(HttpServletRequest request) {
		boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
		if (parsedHere) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			boolean wrongMethod = false;
			List<RequestMappingInfoHandlerMapping> all = mappings.orderedStream().toList();
			for (RequestMappingInfoHandlerMapping mapping : all) {
				try {
					if (mapping.getHandler(request) != null) {
						return Optional.empty();
					}
				}
				catch (HttpRequestMethodNotSupportedException e) {
					wrongMethod = true;
				}
				catch (Exception e) {
					return Optional.empty(); // matched a path, failed on something else (media type): it exists
				}
			}
			return Optional.of(wrongMethod ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.NOT_FOUND);
		}
		finally {
			if (parsedHere) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}
}
