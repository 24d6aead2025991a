/**
 * The report registry: bodies file the number of every report they issue; anyone verifies one.
 * The register is a transparency log (RFC 6962 Merkle tree served as C2SP tlog-tiles with signed
 * checkpoints), so that nobody, not even the operator, can rewrite it unseen. Filings are checked
 * against the registry (certificate, validity, scope) when they arrive.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.labtrust.reports;
