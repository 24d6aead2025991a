/**
 * The vocabulary of access that every module uses: roles and the permissions they grant,
 * jurisdictions, the acting {@link org.labtrust.shared.access.Actor} and the audit trail port.
 * The identity module authenticates actors and keeps the trail; other modules only ask.
 */
package org.labtrust.shared.access;
