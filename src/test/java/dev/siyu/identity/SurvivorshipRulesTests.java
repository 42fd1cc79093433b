package dev.siyu.identity;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each attribute of a person comes from its own rule, with its source. */
class SurvivorshipRulesTests {

	private static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");

	private static final Instant JUN = Instant.parse("2024-06-01T00:00:00Z");

	@Test
	void theNameMostOftenGivenWinsOverTheMostRecentOne() {
		Survivorship.Profile profile = Survivorship.choose(List.of(seen("name", "张伟", "taobao order 1", JAN),
				seen("name", "张伟", "jd order 2", JAN), seen("name", "张小伟", "douyin order 3", JUN)));

		assertThat(profile.value("name")).isEqualTo("张伟");
		assertThat(profile.choices().get("name").rule()).isEqualTo("most_frequent");
		assertThat(profile.choices().get("name").seen()).isEqualTo(2);
	}

	@Test
	void aVerifiedFullPhoneWinsOverARecentReceiverPhoneAndAFullOneOverAMaskedOne() {
		Survivorship.Profile verified = Survivorship
			.choose(List.of(new Observations.Seen("phone", "13800001111", "jd account 7 identifier", JAN, 1),
					seen("phone", "13900002222", "taobao order 9", JUN)));
		Survivorship.Profile unmasked = Survivorship.choose(List.of(seen("phone", "139****2222", "douyin order 1", JUN),
				seen("phone", "13900002222", "mall order 2", JAN)));

		assertThat(verified.value("phone")).isEqualTo("13800001111");
		assertThat(verified.choices().get("phone").source()).isEqualTo("jd account 7 identifier");
		assertThat(unmasked.value("phone")).isEqualTo("13900002222");
	}

	@Test
	void theAddressAndCityAreTheMostRecent() {
		Survivorship.Profile profile = Survivorship.choose(List.of(seen("address", "北京市朝阳区建国路1号", "jd order 1", JAN),
				seen("address", "上海市徐汇区漕溪北路2号", "mall order 2", JUN), seen("city", "北京市", "jd order 1", JAN),
				seen("city", "上海市", "mall order 2", JUN)));

		assertThat(profile.value("address")).isEqualTo("上海市徐汇区漕溪北路2号");
		assertThat(profile.value("city")).isEqualTo("上海市");
		assertThat(profile.choices().get("city").rule()).isEqualTo("most_recent");
	}

	private static Observations.Seen seen(String attribute, String value, String source, Instant at) {
		return new Observations.Seen(attribute, value, source, at, 2);
	}

}
