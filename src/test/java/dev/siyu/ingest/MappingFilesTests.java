package dev.siyu.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingFilesTests {

	@Test
	void theBuiltInPlatformMappingsAndTheDocumentedExamplesRead() {
		for (String name : List.of("taobao-orders", "taobao-items", "douyin", "jd")) {
			assertThat(MappingFiles.builtIn(name).name()).isEqualTo(name);
		}
		assertThat(MappingFiles.read(Path.of("docs/mappings/youzan.yaml")).platform()).isEqualTo("youzan");
		assertThat(MappingFiles.read(Path.of("docs/mappings/generic.yaml")).granularity())
			.isEqualTo(Mapping.Granularity.ORDER);
	}

	@Test
	void aMappingInJsonReadsLikeYaml() {
		Mapping mapping = read(
				"""
						{"name": "erp", "platform": "erp", "granularity": "line",
						 "columns": {"order_id": "单号", "amount": {"column": ["金额", "实付"], "per": "order"}, "created_at": "时间"}}""");

		assertThat(mapping.columns().get(OrderField.AMOUNT)).containsExactly("金额", "实付");
		assertThat(mapping.amountPerLine()).isFalse();
	}

	@Test
	void everyMistakeInAMappingIsNamedWithItsKey() {
		assertThatThrownBy(() -> read("""
				name: broken
				platform: My Shop
				granularity: rows
				columns:
				  amount: {column: 金额, per: each}
				  colour: 颜色
				identifiers:
				  - {kind: 'Phone!', column: 手机}
				statuses:
				  完成: done
				""")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("platform: 'My Shop'")
			.hasMessageContaining("granularity: 'rows'")
			.hasMessageContaining("columns.amount.per: 'each'")
			.hasMessageContaining("columns.colour: unknown field")
			.hasMessageContaining("columns.order_id: required")
			.hasMessageContaining("identifiers[0].kind")
			.hasMessageContaining("statuses.完成: 'done'");
	}

	@Test
	void aFileThatIsNotYamlSaysSo() {
		assertThatThrownBy(() -> read("columns: [unclosed")).hasMessageContaining("not valid YAML or JSON");
	}

	@Test
	void headersMatchWithoutTheirStraySpaces() {
		HeaderMatch match = HeaderMatch.of(MappingFiles.builtIn("taobao-orders"),
				List.of("订单编号 ", " 买家会员名", "买家实际支付金额", "订单创建时间 "));

		assertThat(match.complete()).isTrue();
		assertThat(match.index(OrderField.CREATED_AT)).isEqualTo(3);
	}

	private static Mapping read(String text) {
		return MappingFiles.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test mapping");
	}

}
