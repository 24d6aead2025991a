package org.labtrust.registry.internal.search;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.labtrust.registry.CertificateChanged;
import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.ScopeRowStatusChanged;
import org.labtrust.registry.internal.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the registry. Registry events arrive through the event
 * publication registry after their transaction commits, so a change is never lost if the process
 * dies before the index is written: the publication stays incomplete and is retried on restart.
 */
@Component
class RegistryIndexer {

	private static final Logger log = LoggerFactory.getLogger(RegistryIndexer.class);

	private final EntityManager entityManager;

	RegistryIndexer(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@ApplicationModuleListener
	void on(CertificateStatusChanged event) {
		reindex(event.bodyId());
	}

	@ApplicationModuleListener
	void on(ScopeRowStatusChanged event) {
		reindex(event.bodyId());
	}

	@ApplicationModuleListener
	void on(CertificateChanged event) {
		reindex(event.bodyId());
	}

	private void reindex(long bodyId) {
		Body body = entityManager.find(Body.class, bodyId);
		if (body == null) {
			log.warn("Body {} named by a registry event does not exist; nothing to index", bodyId);
			return;
		}
		Search.session(entityManager).indexingPlan().addOrUpdate(body);
	}
}
