package dev.siyu.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedOrdersTests {

	@Test
	void anOrderSeenTwiceIsAlwaysASuspect() {
		RepeatedOrders repeated = new RepeatedOrders();
		for (int i = 0; i < 100_000; i++) {
			repeated.see("order-" + i, "order-" + i);
		}
		repeated.see("order-4242", "order-4242");

		assertThat(repeated.suspects()).contains("order-4242");
	}

	@Test
	void ordersSeenOnceAreRarelySuspected() {
		RepeatedOrders repeated = new RepeatedOrders();
		for (int i = 0; i < 1_000_000; i++) {
			repeated.see(Integer.toString(i), Integer.toString(i));
		}

		assertThat(repeated.suspects()).hasSizeLessThan(1_000);
	}

	@Test
	void linesOfOneOrderAreTheirOwnKeys() {
		RepeatedOrders repeated = new RepeatedOrders();
		repeated.see("A\u001fline-1", "A");
		repeated.see("A\u001fline-2", "A");

		assertThat(repeated.suspects()).isEmpty();
		repeated.see("A\u001fline-2", "A");
		assertThat(repeated.suspects()).containsExactly("A");
	}

}
