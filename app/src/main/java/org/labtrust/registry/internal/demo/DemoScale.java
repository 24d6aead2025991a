package org.labtrust.registry.internal.demo;

/**
 * How much demo data to generate. {@code NATIONAL} is the size of the real registry (about 50,000
 * bodies, over 5 million scope rows) for benchmarks; {@code DEFAULT} is what a first start shows.
 */
public enum DemoScale {

	SMALL(300, 8, 40), DEFAULT(3_000, 10, 60), NATIONAL(50_000, 40, 180);

	final int bodies;

	final int minScopeRows;

	final int maxScopeRows;

	DemoScale(int bodies, int minScopeRows, int maxScopeRows) {
		this.bodies = bodies;
		this.minScopeRows = minScopeRows;
		this.maxScopeRows = maxScopeRows;
	}
}
