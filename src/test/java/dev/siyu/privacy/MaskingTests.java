package dev.siyu.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "13812345678 | 138****5678", "+86 138 1234 5678 | 138****5678", "138****5678 | 138****5678",
					"0571-88886666 | 0571****6666", "18877771111-123 | 188****1111-***", "garbage | ****", "'' | ''" })
	void masksPhonesLikeShoppingApps(String raw, String masked) {
		assertThat(Masking.phone(raw)).isEqualTo(masked);
	}

	@Test
	void masksPhonesFromSpreadsheetCells() {
		assertThat(Masking.phone("'13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone(null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "张三 | 张*", "张三丰 | 张**", "欧阳娜娜 | 欧阳**", "欧阳娜 | 欧阳*", "欧阳 | 欧*", "张 | *",
			"John Smith | J*** S****", " Zhang  San  | Z**** S**", "'' | ''" })
	void masksNamesKeepingTheSurname(String raw, String masked) {
		assertThat(Masking.name(raw)).isEqualTo(masked);
	}

	@Test
	void masksNamesWithCharactersOutsideTheBasicPlane() {
		assertThat(Masking.name("𠀀二三")).isEqualTo("𠀀**");
		assertThat(Masking.name(null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "浙江省 杭州市 西湖区 文三路100号(310000) | 浙江省杭州市西湖区****",
			"上海市上海市浦东新区世纪大道100号 | 上海市浦东新区****", "文三路100号 | ****", "'' | ''" })
	void masksAddressesBelowTheDistrict(String raw, String masked) {
		assertThat(Masking.address(raw)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "zhang@example.com | z***@example.com", "z@example.com | z***@example.com",
			"张三@例子.中国 | 张***@例子.中国", "not-an-email | n***", "'' | ''" })
	void masksEmailsKeepingTheDomain(String raw, String masked) {
		assertThat(Masking.email(raw)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "330106199001011234 | 330***34", "M00012345 | M00***45", "A12345 | A***5",
			"123 | ***", "'' | ''" })
	void masksIdentifiersKeepingFewCharacters(String raw, String masked) {
		assertThat(Masking.identifier(raw)).isEqualTo(masked);
	}

}
