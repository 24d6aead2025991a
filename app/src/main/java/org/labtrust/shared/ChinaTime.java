package org.labtrust.shared;

import java.time.ZoneId;

/** China keeps one time zone: statutory days, page times and the domain clock are all in it. */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}
}
