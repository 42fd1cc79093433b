package dev.siyu.value;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class PurchaseLogTests {

	static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

	@Test
	void severalRowsOfOneCustomerOnOneDayAreOnePurchaseOfTheirSum() {
		PurchaseLog log = new PurchaseLog();
		log.add("c", LocalDate.of(2024, 1, 1), 10);
		log.add("c", LocalDate.of(2024, 1, 8), 5);
		log.add("c", LocalDate.of(2024, 1, 8), 7);
		log.add("c", LocalDate.of(2024, 1, 3), 1);

		Purchases purchases = log.summarise(LocalDate.of(2024, 1, 15), null, TimeUnit.DAY).purchases();

		assertThat(purchases.repeats(0)).isEqualTo(2);
		assertThat(purchases.lastPurchase(0)).isEqualTo(7);
		assertThat(purchases.age(0)).isEqualTo(14);
		assertThat(purchases.meanRepeatValue(0)).isEqualTo((1 + 12) / 2.0);
	}

	@Test
	void purchasesAfterTheCalibrationAreCountedInTheHoldoutAndLaterCustomersLeftOut() {
		PurchaseLog log = new PurchaseLog();
		log.add("early", LocalDate.of(2024, 1, 1), 10);
		log.add("early", LocalDate.of(2024, 2, 10), 10);
		log.add("early", LocalDate.of(2024, 2, 11), 10);
		log.add("early", LocalDate.of(2024, 5, 1), 10);
		log.add("late", LocalDate.of(2024, 2, 10), 10);

		PurchaseLog.Calibration calibration = log.summarise(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1),
				TimeUnit.DAY);

		assertThat(calibration.customers()).containsExactly("early");
		assertThat(calibration.holdoutPurchases()).containsExactly(2);
		assertThat(calibration.holdoutLength()).isEqualTo(30);
	}

	@Test
	void aHoldoutEndingBeforeTheCalibrationIsRefused() {
		PurchaseLog log = new PurchaseLog();
		assertThatThrownBy(() -> log.summarise(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 1), TimeUnit.DAY))
			.hasMessageContaining("must come after the calibration end");
	}

	@Test
	void cdnowTransactionsSummariseToThePublishedCalibrationSummary() throws IOException {
		Purchases published = Cdnow.calibrationSummary();
		TransactionFile.Read read = TransactionFile.read(Cdnow.transactions(), "1", "3", "5", "yyyyMMdd");
		Purchases ours = read.log().summarise(CALIBRATION_END, null, TimeUnit.WEEK).purchases();

		assertThat(read.rejectedCount()).isZero();
		assertThat(ours.size()).isEqualTo(published.size()).isEqualTo(2357);
		for (int i = 0; i < ours.size(); i++) {
			assertThat(ours.repeats(i)).isEqualTo(published.repeats(i));
			assertThat(ours.lastPurchase(i)).isCloseTo(published.lastPurchase(i), within(0.006));
			assertThat(ours.age(i)).isCloseTo(published.age(i), within(0.006));
		}
	}

	@Test
	void gammaGammaFitOnCdnowRepeatSpendReproducesFaderHardie() throws IOException {
		TransactionFile.Read read = TransactionFile.read(Cdnow.transactions(), "1", "3", "5", "yyyyMMdd");
		Purchases purchases = read.log().summarise(CALIBRATION_END, null, TimeUnit.WEEK).purchases();

		assertThat(GammaGamma.repeaters(purchases).size()).isEqualTo(946);
		GammaGamma model = GammaGamma.fit(purchases).model();
		assertThat(model.p()).isCloseTo(6.25, withinPercentage(0.5));
		assertThat(model.q()).isCloseTo(3.74, withinPercentage(0.5));
		assertThat(model.gamma()).isCloseTo(15.44, withinPercentage(0.5));
	}

}
