package org.labtrust.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.labtrust.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every API error is an RFC 9457 problem ({@code application/problem+json}) with a stable
 * {@code code} member and a title and detail in the caller's language. Unexpected failures answer
 * 500 with a request-independent message: no stack trace, no internal text.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final ProblemResponses problems;

	ProblemAdvice(ProblemResponses problems) {
		this.problems = problems;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
		return problem(HttpStatus.valueOf(e.status()), e.code(), e.args(), e.getMessage(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID", new Object[] { e.getName() },
				"Parameter '" + e.getName() + "' has an invalid value", request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "PARAMETER_MISSING", new Object[] { e.getParameterName() },
				"Parameter '" + e.getParameterName() + "' is required", request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", new Object[] { e.getMethod() },
				"Method " + e.getMethod() + " is not allowed here", request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "BODY_INVALID", new Object[0], "The request body is not valid JSON "
				+ "of the expected shape", request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "MEDIA_TYPE_UNSUPPORTED", new Object[0],
				"Send application/json (multipart/form-data for uploads)", request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE", new Object[0], "The upload is too large",
				request);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "PARAMETER_MISSING", new Object[] { e.getRequestPartName() },
				"Part '" + e.getRequestPartName() + "' is required", request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", new Object[0], "Internal error", request);
	}

	ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, Object[] args, String fallback,
			HttpServletRequest request) {
		ProblemDetail problem = problems.build(status, code, args, fallback, request.getRequestURI(),
				LocaleContextHolder.getLocale());
		return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(problem);
	}
}
