package dev.siyu.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuyerAttributesTests {

	@Test
	void genderIsReadFromChineseEnglishAndIdCardCodes() {
		assertThat(IdentifierKinds.read("gender", " 男 ").value()).isEqualTo("male");
		assertThat(IdentifierKinds.read("gender", "F").value()).isEqualTo("female");
		assertThat(IdentifierKinds.read("gender", "2").value()).isEqualTo("female");
		assertThat(IdentifierKinds.read("gender", "保密")).isNull();
		assertThat(IdentifierKinds.read("gender", "女").strong()).isFalse();
	}

	@Test
	void birthDatesInCommonWritingsBecomeIsoDatesAndImpossibleOnesAreUnknown() {
		assertThat(IdentifierKinds.read("birth_date", "1990/5/17").value()).isEqualTo("1990-05-17");
		assertThat(IdentifierKinds.read("birth_date", "19900517").value()).isEqualTo("1990-05-17");
		assertThat(IdentifierKinds.read("birth_date", "1990年5月17日").value()).isEqualTo("1990-05-17");
		assertThat(IdentifierKinds.read("birth_date", "1990-02-30")).isNull();
		assertThat(IdentifierKinds.read("birth_date", "3020-01-01")).isNull();
		assertThat(IdentifierKinds.read("birth_date", "17 May")).isNull();
		assertThat(IdentifierKinds.read("birth_date", "1990-05-17").masked()).isEqualTo("1990-**-**");
	}

}
