package dev.siyu.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicted against actual purchases in a holdout period, in total and by the number of
 * repeat purchases in the calibration period (0 to 7, and 7 or more together).
 */
public record HoldoutCheck(double predicted, long actual, List<Group> byFrequency) {

	static final int TOP_GROUP = 7;

	public static HoldoutCheck of(BgNbd model, PurchaseLog.Calibration calibration) {
		Purchases purchases = calibration.purchases();
		double[] predicted = new double[TOP_GROUP + 1];
		long[] actual = new long[TOP_GROUP + 1];
		long[] customers = new long[TOP_GROUP + 1];
		for (int i = 0; i < purchases.size(); i++) {
			int group = Math.min(TOP_GROUP, purchases.x[i]);
			customers[group]++;
			predicted[group] += model.expectedPurchases(calibration.holdoutLength(), purchases.x[i], purchases.tx[i],
					purchases.age[i]);
			actual[group] += calibration.holdoutPurchases()[i];
		}
		List<Group> groups = new ArrayList<>();
		double totalPredicted = 0;
		long totalActual = 0;
		for (int x = 0; x <= TOP_GROUP; x++) {
			groups.add(new Group(x, customers[x], predicted[x], actual[x]));
			totalPredicted += predicted[x];
			totalActual += actual[x];
		}
		return new HoldoutCheck(totalPredicted, totalActual, groups);
	}

	/** Customers with x repeat purchases in calibration (x = 7 means 7 or more). */
	public record Group(int x, long customers, double predicted, long actual) {
	}

}
