package org.labtrust.registry.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScopeRowRepository extends JpaRepository<ScopeRow, Long> {
}
