package org.labtrust.registry.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface BodyRepository extends JpaRepository<Body, Long> {
}
