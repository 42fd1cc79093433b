package dev.siyu.audience;

import java.util.Locale;

/** Which engine answers: in-memory bitmaps, or SQL on PostgreSQL. */
public enum Engine {

	BITMAP, SQL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Engine ofCode(String code) {
		for (Engine engine : values()) {
			if (engine.code().equalsIgnoreCase(code)) {
				return engine;
			}
		}
		throw new IllegalArgumentException("engine is bitmap or sql, not '" + code + "'");
	}

}
