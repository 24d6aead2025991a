package org.labtrust.shared;

import java.time.ZoneId;

/** China keeps one time zone: statutory days, page times and the domain clock are all in it. */
public final class ChinaTime {

	/** The zone's name, for annotations ({@code @Scheduled(zone = ...)}). */
	public static final String ZONE_NAME = "Asia/Shanghai";

	public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

	private ChinaTime() {
	}
}
