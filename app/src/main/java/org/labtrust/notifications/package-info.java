/**
 * Notices to inspection and testing bodies: an inbox per body that every account of the body reads
 * (read or unread per account), each notice in the reader's language, and by e-mail to the body's
 * contact address when an SMTP server is configured. Other modules send through
 * {@link org.labtrust.notifications.Notifications}; they never write its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.labtrust.notifications;
