package dev.siyu.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TabularCellsTests {

	@Test
	void unwrapsFormulaQuotedNumbers() {
		assertThat(TabularCells.clean("=\"35153131473293579\"")).isEqualTo("35153131473293579");
		assertThat(TabularCells.clean(" =\" 35153131473293579 \"\t")).isEqualTo("35153131473293579");
	}

	@Test
	void stripsOneApostropheThatForcesText() {
		assertThat(TabularCells.clean("'13812345678")).isEqualTo("13812345678");
		assertThat(TabularCells.clean("''x")).isEqualTo("'x");
	}

	@Test
	void trimsFullWidthAndNonBreakingSpaces() {
		assertThat(TabularCells.clean("\u3000张三\u00A0")).isEqualTo("张三");
		assertThat(TabularCells.clean("张 三")).isEqualTo("张 三");
	}

	@Test
	void leavesEverythingElseAsItIs() {
		String amount = "1,299.00";
		assertThat(TabularCells.clean(amount)).isSameAs(amount);
		assertThat(TabularCells.clean("=SUM(A1:A2)")).isEqualTo("=SUM(A1:A2)");
		assertThat(TabularCells.clean("138****1234")).isEqualTo("138****1234");
	}

	@Test
	void cleansHeaderNames() {
		assertThat(TabularCells.cleanHeader("\uFEFF订单编号 ")).isEqualTo("订单编号");
		assertThat(TabularCells.cleanHeader(" \"买家会员名\"")).isEqualTo("买家会员名");
		assertThat(TabularCells.cleanHeader("=\"支付单号\"")).isEqualTo("支付单号");
	}

	@Test
	void tellsBlankCells() {
		char[] chars = " \u3000=\"\"x".toCharArray();
		assertThat(TabularCells.isBlank(chars, 0, 2)).isTrue();
		assertThat(TabularCells.isBlank(chars, 0, 5)).isTrue();
		assertThat(TabularCells.isBlank(chars, 0, 6)).isFalse();
	}

}
