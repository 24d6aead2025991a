package org.labtrust.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that reach no controller (an unknown path, a wrong method) also
 * answer RFC 9457 problems with a stable code. Other paths are left to the pages' error view.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackAdvice {

	private final ProblemAdvice problems;

	ApiFallbackAdvice(ProblemAdvice problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request)
			throws NoResourceFoundException {
		if (!isApi(request)) {
			throw e; // rethrown as is: Spring then renders the error page
		}
		return problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", new Object[] { request.getRequestURI() },
				"No resource " + request.getRequestURI(), request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		if (!isApi(request)) {
			throw e;
		}
		return problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", new Object[] { e.getMethod() },
				"Method " + e.getMethod() + " is not allowed here", request);
	}

	/** A body of a type the endpoint does not take, found before any controller is chosen. */
	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException {
		if (!isApi(request)) {
			throw e;
		}
		return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "MEDIA_TYPE_UNSUPPORTED", new Object[0],
				"Send application/json (multipart/form-data for uploads)", request);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/api/");
	}
}
