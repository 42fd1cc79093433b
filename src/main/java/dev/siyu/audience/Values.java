package dev.siyu.audience;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numeric values are kept in bit slices, never negative: whole numbers as they are,
 * money in cents, real numbers as the bits of a float (which order like the floats when
 * not negative). Negative values count as zero in both engines.
 */
final class Values {

	private Values() {
	}

	static long slice(Attribute.Kind kind, BigDecimal value) {
		if (value.signum() <= 0) {
			return 0;
		}
		return switch (kind) {
			case MONEY -> value.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
			case REAL -> Float.floatToIntBits(value.floatValue());
			default -> value.longValueExact();
		};
	}

	/**
	 * The constant to compare slices with so that it gives what SQL gives comparing the
	 * value with {@code constant}: the constant itself, in cents for money, and for reals
	 * the bits of the nearest float on the side that keeps the comparison exact.
	 */
	static long constant(Attribute.Kind kind, Comparison op, BigDecimal constant) {
		if (constant.signum() < 0) {
			return -1;
		}
		return switch (kind) {
			case MONEY -> constant.movePointRight(2).longValueExact();
			case REAL -> realConstant(op, constant.doubleValue());
			default -> constant.longValueExact();
		};
	}

	private static long realConstant(Comparison op, double constant) {
		float nearest = (float) constant;
		float ceiling = ((double) nearest < constant) ? Math.nextUp(nearest) : nearest;
		float floor = ((double) nearest > constant) ? Math.nextDown(nearest) : nearest;
		return switch (op) {
			case GE, LT -> Float.floatToIntBits(ceiling);
			case GT, LE -> Float.floatToIntBits(floor);
			case EQ -> ((double) nearest == constant) ? Float.floatToIntBits(nearest) : Long.MAX_VALUE / 2;
		};
	}

}
