package org.labtrust.registry;

/** The registry was (re)loaded in bulk, e.g. demo data: read models must be rebuilt as a whole. */
public record RegistryLoaded(long bodies, long certificates, long scopeRows) {
}
