package dev.siyu.audience;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

	/**
	 * Comparing float bits with the converted constant is comparing the float with the
	 * decimal in double.
	 */
	@Property(tries = 1000)
	void realConstantsCompareLikeDoublePrecision(@ForAll @IntRange(max = 1000) int thousandths,
			@ForAll @IntRange(max = 1000) int constantThousandths, @ForAll Comparison op) {
		float value = (float) (thousandths / 1000.0);
		BigDecimal constant = BigDecimal.valueOf(constantThousandths, 3);
		boolean inDouble = switch (op) {
			case EQ -> (double) value == constant.doubleValue();
			case GT -> (double) value > constant.doubleValue();
			case GE -> (double) value >= constant.doubleValue();
			case LT -> (double) value < constant.doubleValue();
			case LE -> (double) value <= constant.doubleValue();
		};
		long bits = Float.floatToIntBits(value);
		assertThat(op.holds(bits, Values.constant(Attribute.Kind.REAL, op, constant))).isEqualTo(inDouble);
	}

}
