/**
 * The shared kernel: the few types every module may use (domain errors with stable codes, the
 * clock, and later the working-day calendar). Nothing module-specific belongs here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.labtrust.shared;
