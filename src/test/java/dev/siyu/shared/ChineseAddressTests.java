package dev.siyu.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseAddressTests {

	@Test
	void readsTheTaobaoFormWithBlanksAndPostcode() {
		ChineseAddress address = ChineseAddress.parse("浙江省 杭州市 西湖区 文三路100号(310000)");

		assertThat(address).isEqualTo(new ChineseAddress("浙江省", "杭州市", "西湖区", "文三路100号", "310000"));
	}

	@Test
	void readsAFullWidthPostcode() {
		ChineseAddress address = ChineseAddress.parse("浙江省 杭州市 西湖区 文三路100号 3幢201室（310012）");

		assertThat(address.detail()).isEqualTo("文三路100号 3幢201室");
		assertThat(address.postcode()).isEqualTo("310012");
	}

	@Test
	void ignoresThePlaceholderPostcode() {
		assertThat(ChineseAddress.parse("浙江省 杭州市 西湖区 文三路100号(000000)").postcode()).isEmpty();
	}

	@Test
	void readsAnAddressWithoutSeparators() {
		ChineseAddress address = ChineseAddress.parse("浙江省杭州市西湖区文三路100号");

		assertThat(address).isEqualTo(new ChineseAddress("浙江省", "杭州市", "西湖区", "文三路100号", ""));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "北京 北京市 朝阳区 建国路88号 | 北京市 | 北京市 | 朝阳区 | 建国路88号",
					"上海市上海市浦东新区世纪大道100号 | 上海市 | 上海市 | 浦东新区 | 世纪大道100号", "北京市朝阳区建国路88号 | 北京市 | 北京市 | 朝阳区 | 建国路88号",
					"北京朝阳区建国路88号 | 北京市 | 北京市 | 朝阳区 | 建国路88号", "重庆 重庆市 万州区 太白路1号 | 重庆市 | 重庆市 | 万州区 | 太白路1号",
					"重庆 县 城口县 葛城街道1号 | 重庆市 | 重庆市 | 城口县 | 葛城街道1号", "天津市 市辖区 和平区 南京路1号 | 天津市 | 天津市 | 和平区 | 南京路1号" })
	void readsMunicipalitiesAsTheirOwnCity(String raw, String province, String city, String district, String detail) {
		assertThat(ChineseAddress.parse(raw)).isEqualTo(new ChineseAddress(province, city, district, detail, ""));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "广西壮族自治区 南宁市 青秀区 民族大道1号 | 广西壮族自治区 | 南宁市 | 青秀区 | 民族大道1号",
			"内蒙古自治区呼和浩特市新城区新华大街1号 | 内蒙古自治区 | 呼和浩特市 | 新城区 | 新华大街1号",
			"内蒙古 锡林郭勒盟 锡林浩特市 额尔敦路1号 | 内蒙古自治区 | 锡林郭勒盟 | 锡林浩特市 | 额尔敦路1号",
			"内蒙古自治区通辽市科尔沁左翼中旗保康镇1号 | 内蒙古自治区 | 通辽市 | 科尔沁左翼中旗 | 保康镇1号",
			"湖北省恩施土家族苗族自治州恩施市舞阳大道1号 | 湖北省 | 恩施土家族苗族自治州 | 恩施市 | 舞阳大道1号",
			"新疆维吾尔自治区 阿克苏地区 阿克苏市 解放路1号 | 新疆维吾尔自治区 | 阿克苏地区 | 阿克苏市 | 解放路1号",
			"吉林省延边朝鲜族自治州延吉市光明街1号 | 吉林省 | 延边朝鲜族自治州 | 延吉市 | 光明街1号", "广西自治区桂林市秀峰区中山路1号 | 广西壮族自治区 | 桂林市 | 秀峰区 | 中山路1号" })
	void readsAutonomousRegionsPrefecturesAndLeagues(String raw, String province, String city, String district,
			String detail) {
		assertThat(ChineseAddress.parse(raw)).isEqualTo(new ChineseAddress(province, city, district, detail, ""));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "浙江省 杭州市 淳安县 千岛湖镇1号 | 杭州市 | 淳安县 | 千岛湖镇1号", "浙江省杭州市建德市新安江街道1号 | 杭州市 | 建德市 | 新安江街道1号",
					"江苏省苏州市昆山市玉山镇人民路1号 | 苏州市 | 昆山市 | 玉山镇人民路1号", "山东省济南市市中区经十路1号 | 济南市 | 市中区 | 经十路1号",
					"广东省东莞市东城街道东城路1号 | 东莞市 | '' | 东城街道东城路1号", "浙江省 杭州市 西湖区 文新街道 文三路100号 | 杭州市 | 西湖区 | 文新街道 文三路100号",
					"吉林省吉林市丰满区吉林大街1号 | 吉林市 | 丰满区 | 吉林大街1号", "河南省 省直辖县级行政区划 济源市 沁园街道1号 | 济源市 | '' | 沁园街道1号",
					"浙江杭州市西湖区文三路100号 | 杭州市 | 西湖区 | 文三路100号", "黑龙江省哈尔滨市道里区中央大街1号 | 哈尔滨市 | 道里区 | 中央大街1号",
					"江苏省镇江市京口区中山东路1号 | 镇江市 | 京口区 | 中山东路1号" })
	void readsCountyLevelDivisionsAsDistricts(String raw, String city, String district, String detail) {
		ChineseAddress address = ChineseAddress.parse(raw);

		assertThat(address.city()).isEqualTo(city);
		assertThat(address.district()).isEqualTo(district);
		assertThat(address.detail()).isEqualTo(detail);
	}

	@Test
	void doesNotTakeAResidentialAreaForADistrict() {
		ChineseAddress address = ChineseAddress.parse("浙江省杭州市西溪小区3幢");

		assertThat(address.district()).isEmpty();
		assertThat(address.detail()).isEqualTo("西溪小区3幢");
	}

	@Test
	void doesNotTakeAMarketForACity() {
		ChineseAddress address = ChineseAddress.parse("浙江省农贸市场3号");

		assertThat(address.province()).isEqualTo("浙江省");
		assertThat(address.city()).isEmpty();
		assertThat(address.detail()).isEqualTo("农贸市场3号");
	}

	@Test
	void readsAnAddressThatStartsAtTheCity() {
		assertThat(ChineseAddress.parse("杭州市西湖区文三路100号"))
			.isEqualTo(new ChineseAddress("", "杭州市", "西湖区", "文三路100号", ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "文三路100号", "上海路100号", "Room 5, 100 Main Street", "某某小区3幢201", "西湖区文三路100号" })
	void keepsUnknownShapesWholeAsTheDetail(String raw) {
		ChineseAddress address = ChineseAddress.parse(raw);

		assertThat(address).isEqualTo(new ChineseAddress("", "", "", raw, ""));
		assertThat(address.masked()).isEqualTo("****");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  ", "(000000)" })
	void readsNothingAsAnEmptyAddress(String raw) {
		ChineseAddress address = ChineseAddress.parse(raw);

		assertThat(address.isEmpty()).isTrue();
		assertThat(address.masked()).isEmpty();
	}

	@Test
	void neverThrowsOnOddText() {
		String[] samples = { "浙江", "浙江省", "北京", "北京市", "(310000)", "市", "区区区", "中国", "中国浙江省杭州市", "内蒙古自治", "浙江省 ",
				"省直辖县级行政区划", "湖北省省直辖", "吉林市", "x".repeat(500), "浙江省杭州市西湖区" };
		for (String sample : samples) {
			ChineseAddress address = ChineseAddress.parse(sample);
			assertThat(address.masked()).isNotNull();
			assertThat(address.full()).isNotNull();
		}
		assertThat(ChineseAddress.parse("中国浙江省杭州市").province()).isEqualTo("浙江省");
	}

	@Test
	void buildsFromSeparateColumns() {
		ChineseAddress address = ChineseAddress.of("浙江省", "杭州市", "西湖区", "文新街道", "文三路100号");

		assertThat(address).isEqualTo(new ChineseAddress("浙江省", "杭州市", "西湖区", "文新街道文三路100号", ""));
	}

	@Test
	void buildingFromColumnsDropsRepeatedRegionAndStreet() {
		ChineseAddress address = ChineseAddress.of("浙江", "杭州市", "西湖区", "文新街道", "浙江省杭州市西湖区文新街道文三路100号");

		assertThat(address).isEqualTo(new ChineseAddress("浙江省", "杭州市", "西湖区", "文新街道文三路100号", ""));
	}

	@Test
	void buildingFromColumnsFillsTheCityOfAMunicipality() {
		ChineseAddress address = ChineseAddress.of("北京", "市辖区", "朝阳区", null, "北京路1号");

		assertThat(address).isEqualTo(new ChineseAddress("北京市", "北京市", "朝阳区", "北京路1号", ""));
	}

	@Test
	void normalizesTheProvinceToItsShortName() {
		assertThat(ChineseAddress.parse("广西壮族自治区南宁市青秀区").normalizedProvince()).isEqualTo("广西");
		assertThat(ChineseAddress.parse("浙江省杭州市").normalizedProvince()).isEqualTo("浙江");
		assertThat(ChineseAddress.parse("上海市上海市浦东新区").normalizedProvince()).isEqualTo("上海");
		assertThat(ChineseAddress.of("某省", "", "", "", "").normalizedProvince()).isEqualTo("某省");
	}

	@Test
	void masksEverythingBelowTheDistrict() {
		assertThat(ChineseAddress.parse("浙江省 杭州市 西湖区 文三路100号(310000)").masked()).isEqualTo("浙江省杭州市西湖区****");
		assertThat(ChineseAddress.parse("北京 北京市 朝阳区 建国路88号").masked()).isEqualTo("北京市朝阳区****");
		assertThat(ChineseAddress.parse("浙江省 杭州市 西湖区 文三路100号")).hasToString("ChineseAddress[浙江省杭州市西湖区****]");
	}

	@Test
	void joinsTheWholeAddressWithoutThePostcode() {
		assertThat(ChineseAddress.parse("北京 北京市 朝阳区 建国路88号(100020)").full()).isEqualTo("北京市朝阳区建国路88号");
	}

}
