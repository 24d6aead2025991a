/**
 * The public registry: inspection and testing bodies, their sites, their CMA certificates and the
 * capability scope each certificate licenses, with a status per certificate and per scope row.
 * Owns public search, the open-data export and electronic certificates (a signed JWS and a PDF per
 * certificate, {@link org.labtrust.registry.ElectronicCertificates}); other modules learn of changes
 * through its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.labtrust.registry;
