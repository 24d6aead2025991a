/**
 * The public registry: inspection and testing bodies, their sites, their CMA certificates and the
 * capability scope each certificate licenses, with a status per certificate and per scope row.
 * Owns public search and the open-data export; other modules learn of changes through its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.labtrust.registry;
