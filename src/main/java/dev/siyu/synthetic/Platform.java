package dev.siyu.synthetic;

import java.util.Arrays;

/** The sales platforms of the brand, in the order their files are written. */
enum Platform {

	TAOBAO("taobao"), DOUYIN("douyin"), JD("jd"), MALL("mall");

	static final Platform[] ALL = values();

	private final String key;

	Platform(String key) {
		this.key = key;
	}

	String key() {
		return this.key;
	}

	static Platform byKey(String key) {
		return Arrays.stream(ALL)
			.filter((platform) -> platform.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown platform '" + key + "', expected one of "
					+ Arrays.stream(ALL).map(Platform::key).toList()));
	}

}
