/**
 * The public web pages of the registry: search for inspection and testing bodies, a body with its
 * certificates and capability scope, and a certificate with its verdict at the top. It owns no data
 * and reads everything through the registry's published queries, in Simplified Chinese first and
 * English second.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.labtrust.portal;
