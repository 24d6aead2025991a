/**
 * Identity, access and audit: accounts and their roles and jurisdictions, form and OIDC login
 * with lockout, API keys for bodies and partner systems, rate limits, security headers, and the
 * hash-chained audit trail behind {@link org.labtrust.shared.access.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.labtrust.identity;
