package org.labtrust.registry.internal.search;

import java.time.Duration;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.labtrust.registry.internal.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Rebuilds the body index from the database (after a bulk load, a lost index, or on request). */
@Component
public class SearchIndexAdmin {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexAdmin.class);

	private final EntityManagerFactory entityManagerFactory;

	SearchIndexAdmin(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	/** Drops and rebuilds the whole index; blocks until done. */
	public Duration rebuild() {
		long start = System.nanoTime();
		MassIndexer indexer = Search.mapping(entityManagerFactory)
			.scope(Body.class)
			.massIndexer()
			.purgeAllOnStart(true)
			.mergeSegmentsOnFinish(true)
			.typesToIndexInParallel(1)
			.threadsToLoadObjects(Math.max(2, Runtime.getRuntime().availableProcessors()))
			.batchSizeToLoadObjects(100)
			.idFetchSize(1000);
		try {
			indexer.startAndWait();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Index rebuild interrupted", e);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		log.info("Search index rebuilt in {} s", took.toMillis() / 1000.0);
		return took;
	}
}
