/**
 * Licensing (资质认定): applications of every type through the statutory procedures (general,
 * notification and commitment, document review, self-declaration), their lifecycles and the
 * working-day clocks that officers must keep (../shared/domain/BRIEF.md sections 1.3 to 1.8).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licensing")
package org.labtrust.licensing;
